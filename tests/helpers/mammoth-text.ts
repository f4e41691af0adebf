import mammoth from 'mammoth'
import { cleanWrittenText } from '@core/screening/hand-wrap'

/**
 * mammoth's raw text of a Word file as the DOCX reader lays it out: one line per paragraph, as a
 * .txt of the same text has it (mammoth ends every paragraph with a blank line, so a paragraph
 * followed by its details would read as two blocks in Word and one in the .txt), with a sentence a
 * hand wrap broke joined back.
 */
export async function mammothText(bytes: Uint8Array): Promise<string> {
  const raw = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
  return cleanWrittenText(raw.value.replace(/\n\n/g, '\n'))
}
