/** What a file really is, judged from its bytes; the name's extension is only a hint for text. */
export type SniffedKind =
  | { kind: 'pdf' }
  | { kind: 'zip' }
  | { kind: 'ole'; encryptedOffice: boolean }
  | { kind: 'text' }
  | { kind: 'unsupported'; what: string }

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((byte, index) => bytes[at + index] === byte)
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))

const BINARY_SIGNATURES: { signature: readonly number[]; at?: number; what: string }[] = [
  { signature: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { signature: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { signature: ascii('GIF8'), what: 'a GIF image' },
  { signature: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { signature: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { signature: ascii('WEBP'), at: 8, what: 'a WebP image' },
  { signature: ascii('ftyp'), at: 4, what: 'a photo or video (HEIC/MP4)' },
  { signature: ascii('{\\rtf'), what: 'an RTF document; save it as PDF or DOCX' },
  { signature: ascii('MZ'), what: 'a Windows program' },
  { signature: [0x7f, 0x45, 0x4c, 0x46], what: 'a program' },
  { signature: [0x1f, 0x8b], what: 'a compressed (gzip) archive' },
  { signature: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { signature: ascii('Rar!'), what: 'a RAR archive' },
]

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const SAMPLE = 64 * 1024

export function sniff(bytes: Uint8Array): SniffedKind {
  if (indexOfAscii(bytes, '%PDF-', 1024) >= 0) return { kind: 'pdf' }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' }
  // A password-protected DOCX is an OLE container holding an "EncryptedPackage" stream.
  if (startsWith(bytes, OLE))
    return { kind: 'ole', encryptedOffice: indexOfUtf16(bytes, 'EncryptedPackage', SAMPLE) >= 0 }
  for (const { signature, at, what } of BINARY_SIGNATURES)
    if (startsWith(bytes, signature, at)) return { kind: 'unsupported', what }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { kind: 'text' }
  const sample = bytes.subarray(0, SAMPLE)
  let control = 0
  for (const byte of sample) {
    if (byte === 0) return { kind: 'unsupported', what: 'a binary file' }
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++
  }
  if (control > sample.length * 0.01) return { kind: 'unsupported', what: 'a binary file' }
  return { kind: 'text' }
}

/** Web pages and other markup are not resumes we read, whatever their extension says. */
export function markupKind(text: string): string | null {
  const head = text.slice(0, 2048).trimStart().toLowerCase()
  if (head.startsWith('<!doctype html') || /^<html[\s>]/.test(head) || /<html[\s>][\s\S]*<(head|body)[\s>]/.test(head))
    return 'a web page (HTML)'
  if (head.startsWith('<?xml') || head.startsWith('<svg')) return 'an XML file'
  return null
}

function indexOfAscii(bytes: Uint8Array, text: string, within: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, within)).indexOf(text, 0, 'latin1')
}

function indexOfUtf16(bytes: Uint8Array, text: string, within: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, within)).indexOf(
    Buffer.from(text, 'utf16le'),
  )
}
