/** Windows-1252's characters in 0x80..0x9F, where Latin-1 has C1 controls (0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined and stay controls). */
export const CP1252_HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
}

const CHAR_OF_BYTE = new Map(Object.entries(CP1252_HIGH).map(([char, byte]) => [byte, char]))
const C1 = /[\u0080-\u009f]/g

/**
 * Windows-1252 bytes as text. Node 20's TextDecoder('windows-1252') decodes as Latin-1, so "–", "•"
 * and "’" came out as C1 controls and were then cleaned away; this maps that byte range itself.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(C1, (char) => CHAR_OF_BYTE.get(char.charCodeAt(0)) ?? char)
}
