import { decodeHTMLStrict } from 'entities'
import { unifiedBreaks } from './line-breaks'
import { withLostDashes, withLostMarks } from './lost-marks'
import { repairMojibake } from './mojibake'

/**
 * Text as a human reads it: UTF-8 that was mis-decoded on its way decoded again ("â€¢" is "•"),
 * compatibility forms folded (ligatures, full-width letters), characters that are invisible or
 * reorder text removed (zero-width, bidi controls, private use), spaces tidied, a dash or a bullet a
 * font could not draw ("Mar 2021 ? Present", "? Built …") read as one, and a web page's character
 * references ("&nbsp;", "&amp;", "&#8211;"), kept when it was saved as text or pasted into Word, read
 * as the characters they stand for.
 */

// Zero-width and joiner characters, bidi embeddings/overrides/isolates, word joiners, BOM, soft hyphen,
// private-use code points and C0/C1 controls other than tab and newline.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- removing control characters is this pattern's job
  /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uE000-\uF8FF\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g
const SPACES = /[ \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g

// Printable ASCII is already NFKC and holds no invisible characters or tabs: only runs of spaces to fold.
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/

// Only a complete reference, with its ";", is one: "AT&T", "R&D" and "&nbsp " are left as written.
const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i

export function cleanLine(raw: string): string {
  const line = raw.includes('&') && CHARACTER_REFERENCE.test(raw) ? decodeHTMLStrict(raw) : raw
  if (PRINTABLE_ASCII.test(line)) return withLostDashes(line.replace(/ {2,}/g, ' ').trim())
  // Before controls are removed: a mis-decoded character's middle byte is often a C1 control.
  return withLostDashes(
    repairMojibake(line).normalize('NFKC').replace(INVISIBLE, '').replace(/\t/g, '    ').replace(SPACES, ' ').trim(),
  )
}

/** Cleans every line and keeps at most one empty line between blocks. */
export function cleanText(text: string): string {
  const out: string[] = []
  for (const raw of unifiedBreaks(text).split('\n')) {
    const line = cleanLine(raw)
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue
    out.push(line)
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop()
  return withLostMarks(out, text).join('\n')
}

/** Non-space characters: how much real text there is. */
export const visibleCharCount = (text: string) => text.replace(/\s+/g, '').length
