import { crc32, inflateRawSync } from 'node:zlib'
import type { ExtractLimits } from '../types'
import { formatBytes, refuse } from './limits'

/** One member of a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  crc: number
  localHeaderOffset: number
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50
const MAX_ENTRIES = 2_000
// Entries this small cannot hurt, whatever their ratio; a DOCX's tiny XML parts often compress 50x.
const RATIO_CHECK_FLOOR = 256 * 1024

/**
 * Reads a ZIP's central directory and checks it before anything is decompressed: entry count,
 * names (no "../", no absolute paths), encryption, methods, declared sizes against the caps and the
 * compression ratio. JSZip checks none of this, so it is done here first.
 */
export function readZipDirectory(bytes: Uint8Array, limits: ExtractLimits): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const eocd = findEndOfCentralDirectory(view)
  const count = view.getUint16(eocd + 10, true)
  const directorySize = view.getUint32(eocd + 12, true)
  const directoryOffset = view.getUint32(eocd + 16, true)
  if (count === 0xffff || directoryOffset === 0xffffffff)
    refuse('corrupt', 'The document is a ZIP64 archive, which a Word file never needs; it was not opened.')
  if (count > MAX_ENTRIES)
    refuse('zip_bomb', `The document holds ${count} files inside; more than ${MAX_ENTRIES} is not a real Word file.`)
  if (directoryOffset + directorySize > eocd)
    refuse('corrupt', 'The document is damaged: its table of contents points outside the file.')

  const entries = new Map<string, ZipEntry>()
  let totalSize = 0
  let totalCompressed = 0
  let cursor = directoryOffset
  for (let index = 0; index < count; index++) {
    if (cursor + 46 > bytes.length || view.getUint32(cursor, true) !== CENTRAL_SIGNATURE)
      refuse('corrupt', 'The document is damaged: its table of contents is broken.')
    const flags = view.getUint16(cursor + 8, true)
    const method = view.getUint16(cursor + 10, true)
    const crc = view.getUint32(cursor + 16, true)
    const compressedSize = view.getUint32(cursor + 20, true)
    const size = view.getUint32(cursor + 24, true)
    const nameLength = view.getUint16(cursor + 28, true)
    const extraLength = view.getUint16(cursor + 30, true)
    const commentLength = view.getUint16(cursor + 32, true)
    const localHeaderOffset = view.getUint32(cursor + 42, true)
    const name = new TextDecoder('utf-8', { fatal: false }).decode(
      bytes.subarray(cursor + 46, cursor + 46 + nameLength),
    )
    cursor += 46 + nameLength + extraLength + commentLength

    if (flags & 0x1)
      refuse(
        'encrypted',
        'The document is password-protected, so its text cannot be read. Ask for an unprotected copy.',
      )
    if (!isSafeName(name))
      refuse(
        'corrupt',
        `The document contains an unsafe file name (${JSON.stringify(name.slice(0, 80))}); it was not opened.`,
      )
    if (entries.has(name)) refuse('corrupt', `The document contains "${name.slice(0, 80)}" twice; it was not opened.`)
    if (method !== 0 && method !== 8)
      refuse('corrupt', `The document uses a compression method (${method}) that Word files do not use.`)
    if (size >= RATIO_CHECK_FLOOR && size / Math.max(1, compressedSize) > limits.maxZipRatio) {
      refuse(
        'zip_bomb',
        `"${name.slice(0, 80)}" inside the document expands ${Math.round(size / Math.max(1, compressedSize))} times (limit ${limits.maxZipRatio}): a zip bomb.`,
      )
    }
    totalSize += size
    totalCompressed += compressedSize
    if (totalSize > limits.maxUnzippedBytes) {
      refuse(
        'zip_bomb',
        `The document expands to more than ${formatBytes(limits.maxUnzippedBytes)}: a zip bomb or not a resume.`,
      )
    }
    entries.set(name, { name, method, compressedSize, size, crc, localHeaderOffset })
  }
  if (totalSize >= RATIO_CHECK_FLOOR && totalSize / Math.max(1, totalCompressed) > limits.maxZipRatio) {
    refuse(
      'zip_bomb',
      `The document expands ${Math.round(totalSize / Math.max(1, totalCompressed))} times its size (limit ${limits.maxZipRatio}): a zip bomb.`,
    )
  }
  return entries
}

/**
 * Decompresses one entry, never producing more than its declared size: an archive that lies about
 * a size (the usual zip-bomb trick) is stopped by zlib at that size, not after filling memory.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localHeaderOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE)
    refuse('corrupt', `The document is damaged near "${entry.name}".`)
  const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const dataEnd = dataStart + entry.compressedSize
  if (dataEnd > bytes.length) refuse('corrupt', `The document is cut short inside "${entry.name}".`)
  const compressed = bytes.subarray(dataStart, dataEnd)
  let data: Buffer
  if (entry.method === 0) {
    data = Buffer.from(compressed)
  } else {
    try {
      data = inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.size) })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        refuse('zip_bomb', `"${entry.name}" inside the document expands beyond the size it declares: a zip bomb.`)
      }
      refuse('corrupt', `"${entry.name}" inside the document is damaged and cannot be decompressed.`)
    }
  }
  if (data.length !== entry.size || crc32(data) !== entry.crc)
    refuse('corrupt', `"${entry.name}" inside the document is damaged (size or checksum mismatch).`)
  return data
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff)
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at
  }
  return refuse('corrupt', 'The document is damaged: it is not a complete ZIP archive.')
}

const isSafeName = (name: string) =>
  name.length > 0 &&
  !name.includes('\0') &&
  !name.includes('\\') &&
  !name.startsWith('/') &&
  !/^[a-z]:/i.test(name) &&
  !name.split('/').includes('..')

/** A ZIP with every entry stored uncompressed: cheap to write, and cheap for JSZip to read. */
export function writeStoredZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(LOCAL_SIGNATURE, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(CENTRAL_SIGNATURE, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, Buffer.from(data.buffer, data.byteOffset, data.byteLength))
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(EOCD_SIGNATURE, 0)
  end.writeUInt16LE(files.size, 8)
  end.writeUInt16LE(files.size, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}
