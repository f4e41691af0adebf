/**
 * Text that was UTF-8 but got decoded once as Latin-1 or Windows-1252 on its way to us (a CSV export,
 * a copy from a job portal, a Word file saved from such text): "â€¢ Python", "rÃ©sumÃ©". Each
 * mangled character is its UTF-8 bytes spelled as one character per byte, so those characters are
 * turned back into bytes and decoded again, one character's run at a time and only where the run is
 * a well-formed UTF-8 sequence. Real words do not hold such runs: a lead (Â, Ã, â, ð…) followed by
 * one to three characters that stand for bytes 0x80 to 0xBF (C1 controls, ¢ © ° », or Windows-1252's
 * € ™ “ ” • in that byte range).
 */
import { CP1252_HIGH } from './cp1252'

const CONTINUATION = `\\u0080-\\u00BF${Object.keys(CP1252_HIGH).join('')}`
// A lead byte and exactly as many continuation bytes as it announces. ß (0xDF) is left out: "Straße»"
// is German quoting, and the characters it would lead to (NKo) are not what a resume was written in.
const SEQUENCE = new RegExp(
  `[\\u00C2-\\u00DE][${CONTINUATION}]|[\\u00E0-\\u00EF][${CONTINUATION}]{2}|[\\u00F0-\\u00F4][${CONTINUATION}]{3}`,
  'g',
)
// The cheap test: a lead followed by a continuation somewhere in the line.
const SUSPECT = new RegExp(`[\\u00C2-\\u00F4][${CONTINUATION}]`)
// A UTF-8 bullet (E2 80 A2) whose middle byte, a C1 control, was dropped on the way: "â¢ Python".
// LibreOffice may wrap a line between its two characters (a break is allowed before "¢"), and a
// wrapped line is joined back with a space: "â ¢" is the same bullet.
const BULLET_WITHOUT_MIDDLE = /â ?¢/g

const strict = new TextDecoder('utf-8', { fatal: true })

const byteOf = (char: string) => CP1252_HIGH[char] ?? char.charCodeAt(0)

function decoded(run: string): string {
  try {
    return strict.decode(Uint8Array.from(run, byteOf))
  } catch {
    return run
  }
}

// Text mangled twice ("Ã¢Â€Â¢") needs two rounds; a third would be a hostile line, not an export.
const ROUNDS = 2

/** The line with every mis-decoded UTF-8 sequence decoded again; any other text is left as it is. */
export function repairMojibake(line: string): string {
  let text = line
  for (let round = 0; round < ROUNDS && SUSPECT.test(text); round++) text = text.replace(SEQUENCE, decoded)
  return text.replace(BULLET_WITHOUT_MIDDLE, '•')
}
