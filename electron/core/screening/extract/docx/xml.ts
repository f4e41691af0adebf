import { refuse } from '../limits'

/** Decodes an XML part (UTF-8, or UTF-16 with a byte-order mark) and refuses any DTD in it. */
export function decodeXmlPart(name: string, data: Uint8Array): string {
  const text =
    data[0] === 0xff && data[1] === 0xfe
      ? new TextDecoder('utf-16le').decode(data)
      : data[0] === 0xfe && data[1] === 0xff
        ? new TextDecoder('utf-16be').decode(data)
        : new TextDecoder('utf-8').decode(data)
  // OOXML parts never carry a DTD; one that does is an XXE or billion-laughs attempt.
  // Both begin with "<!", which a part without comments or CDATA never holds: one fast search instead
  // of a case-blind one over every part.
  if (text.includes('<!') && /<!DOCTYPE|<!ENTITY/i.test(text)) {
    refuse(
      'external_entity',
      `"${name}" inside the document declares XML entities (an XXE or "billion laughs" attack); it was not opened.`,
    )
  }
  return text
}

const ENTITY = /&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_, code: string) => {
    switch (code.toLowerCase()) {
      case 'lt':
        return '<'
      case 'gt':
        return '>'
      case 'amp':
        return '&'
      case 'quot':
        return '"'
      case 'apos':
        return "'"
    }
    const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10)
    return Number.isFinite(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : ''
  })
}

const MARKUP_IN_TEXT = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)|</g

/** An element's character data: entities decoded, comments dropped, CDATA sections taken as written. */
export function textContent(raw: string): string {
  if (!raw.includes('<')) return decodeEntities(raw)
  return raw.replace(
    MARKUP_IN_TEXT,
    (_, cdata: string | undefined, text: string | undefined) =>
      cdata ?? (text === undefined ? '' : decodeEntities(text)),
  )
}

// Compiled once per attribute name (a handful, all this module's own): a DOCX looks up thousands.
const ATTRIBUTE_PATTERNS = new Map<string, RegExp>()

/** The value of `attribute` (any namespace prefix) in a tag's attribute text. */
export function attributeValue(attributes: string, attribute: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(attribute)
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${attribute}\\s*=\\s*("([^"]*)"|'([^']*)')`)
    ATTRIBUTE_PATTERNS.set(attribute, pattern)
  }
  const match = pattern.exec(attributes)
  return match ? (match[2] ?? match[3]) : undefined
}

const WORD_NAMESPACES = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]

/**
 * The prefixes bound to WordprocessingML in a part ("w" in practice). A file may bind another
 * prefix to hide its markup from naive scanners; the XML parser mammoth uses would still read it.
 */
export function wordPrefixes(xml: string): Set<string> {
  const prefixes = new Set<string>()
  for (const match of xml.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*["']([^"']+)["']/g)) {
    if (WORD_NAMESPACES.includes(match[2]!)) prefixes.add(match[1] ?? '')
  }
  if (prefixes.size === 0) prefixes.add('w')
  return prefixes
}

export interface Tag {
  closing: boolean
  selfClosing: boolean
  prefix: string
  local: string
  attributes: string
  start: number
  end: number
}

// No part of a tag may contain "<" (XML escapes it in attribute values), so a broken tag is given up
// at the next "<" and scanning stays linear even in malformed input.
const TAG = /<(\/?)(?:([\w.-]+):)?([\w.-]+)((?:[^<>"']|"[^"<]*"|'[^'<]*')*?)(\/?)>/g

/** Every element tag of a part in order (comments, processing instructions and CDATA skipped). */
export function* tags(xml: string): Generator<Tag> {
  TAG.lastIndex = 0
  for (let match = TAG.exec(xml); match; match = TAG.exec(xml)) {
    yield {
      closing: match[1] === '/',
      selfClosing: match[5] === '/',
      prefix: match[2] ?? '',
      local: match[3]!,
      attributes: match[4] ?? '',
      start: match.index,
      end: match.index + match[0].length,
    }
  }
}
