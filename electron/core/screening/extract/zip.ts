import { crc32, inflateRawSync } from 'node:zlib'
import type { Entry, ZipFile } from 'yauzl'
import type { ExtractLimits } from '../types'
import { formatBytes, RefusalError, refuse } from './limits'
import { requireHere } from './node-require'

/** One member of a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  crc: number
}

/** An opened archive whose directory has passed our caps; parts are inflated only when asked for. */
export interface ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>
  /** The bytes of one entry, inflated no further than its declared size and checked against its CRC. */
  read(name: string): Promise<Buffer | undefined>
  close(): void
}

const MAX_ENTRIES = 2_000
// Entries this small cannot hurt, whatever their ratio; a DOCX's tiny XML parts often compress 50x.
const RATIO_CHECK_FLOOR = 256 * 1024

// Loaded on the first Word file, not with the reader: a worker reading PDFs never needs it (5 to
// 10 ms of its start).
let loadedYauzl: typeof import('yauzl') | undefined

/**
 * Opens a ZIP with yauzl (lazy entries, entry-size validation, decoded and strictly checked names)
 * and checks its directory under our caps before anything is decompressed: entry count, names,
 * encryption, methods, declared sizes against the caps and the compression ratio. yauzl's own
 * failures become refusals with our reasons.
 */
export async function openZip(bytes: Uint8Array, limits: ExtractLimits): Promise<ZipArchive> {
  const yauzl = (loadedYauzl ??= requireHere()('yauzl') as typeof import('yauzl'))
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let zip: ZipFile
  try {
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(
        buffer,
        { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: true },
        (error, opened) => (error ? reject(error) : resolve(opened)),
      ),
    )
  } catch (error) {
    return refuseFor(error)
  }
  try {
    const entries = await readDirectory(zip, limits)
    return {
      entries,
      read: async (name) => {
        const entry = entries.get(name)
        return entry ? readEntry(zip, buffer, entry) : undefined
      },
      close: () => zip.close(),
    }
  } catch (error) {
    zip.close()
    throw error
  }
}

function readDirectory(zip: ZipFile, limits: ExtractLimits): Promise<Map<string, ZipEntry & { raw: Entry }>> {
  if (zip.entryCount > MAX_ENTRIES)
    refuse(
      'zip_bomb',
      `The document holds ${zip.entryCount} files inside; more than ${MAX_ENTRIES} is not a real Word file.`,
    )
  const entries = new Map<string, ZipEntry & { raw: Entry }>()
  const totals = { size: 0, compressed: 0 }
  // One set of listeners for the whole directory: yauzl hands over one entry per readEntry().
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.removeAllListeners('entry')
      reject(toRefusal(error))
    }
    zip.on('entry', (raw: Entry) => {
      try {
        addEntry(entries, totals, raw, limits)
      } catch (error) {
        fail(error)
        return
      }
      zip.readEntry()
    })
    zip.once('end', () => {
      try {
        checkTotalRatio(totals, limits)
        resolve(entries)
      } catch (error) {
        reject(toRefusal(error))
      }
    })
    zip.on('error', fail)
    zip.readEntry()
  })
}

/** Checks one directory record under our caps and adds it. */
function addEntry(
  entries: Map<string, ZipEntry & { raw: Entry }>,
  totals: { size: number; compressed: number },
  raw: Entry,
  limits: ExtractLimits,
): void {
  const name = raw.fileName
  const size = raw.uncompressedSize
  const compressedSize = raw.compressedSize
  if (raw.isEncrypted())
    refuse('encrypted', 'The document is password-protected, so its text cannot be read. Ask for an unprotected copy.')
  // yauzl refuses "../", absolute paths and backslashes (strictFileNames); empty names and NULs are ours.
  if (name.length === 0 || name.includes('\0')) refuse('corrupt', unsafeName(name))
  if (entries.has(name)) refuse('corrupt', `The document contains "${name.slice(0, 80)}" twice; it was not opened.`)
  if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8)
    refuse('corrupt', `The document uses a compression method (${raw.compressionMethod}) that Word files do not use.`)
  if (size >= RATIO_CHECK_FLOOR && size / Math.max(1, compressedSize) > limits.maxZipRatio) {
    refuse(
      'zip_bomb',
      `"${name.slice(0, 80)}" inside the document expands ${Math.round(size / Math.max(1, compressedSize))} times (limit ${limits.maxZipRatio}): a zip bomb.`,
    )
  }
  totals.size += size
  totals.compressed += compressedSize
  if (totals.size > limits.maxUnzippedBytes) refuse('zip_bomb', tooBig(limits))
  entries.set(name, { name, method: raw.compressionMethod, compressedSize, size, crc: raw.crc32, raw })
}

function checkTotalRatio(totals: { size: number; compressed: number }, limits: ExtractLimits): void {
  const ratio = totals.size / Math.max(1, totals.compressed)
  if (totals.size >= RATIO_CHECK_FLOOR && ratio > limits.maxZipRatio)
    refuse(
      'zip_bomb',
      `The document expands ${Math.round(ratio)} times its size (limit ${limits.maxZipRatio}): a zip bomb.`,
    )
}

/**
 * Reads one entry's bytes: yauzl reads its local header, checks it and that the data lies inside the
 * file, and gives where the data starts; the bytes are then taken from the buffer and inflated in
 * one call capped at the declared size, so a part that would expand beyond it (the usual zip-bomb
 * lie) stops there, not after filling memory. yauzl's read stream does the same for raw data, but a
 * stream per part cost more than the rest of a DOCX's reading; its own streamed inflate, 1.8 ms
 * more per DOCX. The inflated size and CRC-32 (which yauzl never checks) are compared after.
 */
function readEntry(zip: ZipFile, buffer: Buffer, entry: ZipEntry & { raw: Entry }): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    zip.readLocalFileHeader(entry.raw, { minimal: true }, (headerError, header) => {
      if (headerError) return reject(toRefusal(headerError, entry.name))
      try {
        const raw = buffer.subarray(header.fileDataStart, header.fileDataStart + entry.compressedSize)
        resolve(checked(entry, entry.method === 0 ? raw : inflateCapped(raw, entry)))
      } catch (error) {
        reject(toRefusal(error, entry.name))
      }
    })
  })
}

function inflateCapped(raw: Buffer, entry: ZipEntry): Buffer {
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) })
  } catch (error) {
    // Past the cap zlib stops with ERR_BUFFER_TOO_LARGE: more than the part declared.
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new RefusalError(
        'zip_bomb',
        `"${entry.name.slice(0, 80)}" inside the document expands beyond the size it declares: a zip bomb.`,
      )
    throw error
  }
}

function checked(entry: ZipEntry, data: Buffer): Buffer {
  if (data.length < entry.size)
    throw new RefusalError(
      'corrupt',
      `"${entry.name.slice(0, 80)}" inside the document is cut short (smaller than it declares).`,
    )
  if (data.length !== entry.size || crc32(data) !== entry.crc)
    throw new RefusalError('corrupt', `"${entry.name}" inside the document is damaged (size or checksum mismatch).`)
  return data
}

const unsafeName = (name: string) =>
  `The document contains an unsafe file name (${JSON.stringify(name.slice(0, 80))}); it was not opened.`
const tooBig = (limits: ExtractLimits) =>
  `The document expands to more than ${formatBytes(limits.maxUnzippedBytes)}: a zip bomb or not a resume.`

function refuseFor(error: unknown): never {
  throw toRefusal(error)
}

/** yauzl reports everything as an Error with a message; these are the ones we can name. */
function toRefusal(error: unknown, entryName?: string): RefusalError {
  if (error instanceof RefusalError) return error
  const message = error instanceof Error ? error.message : String(error)
  const where = entryName === undefined ? 'the document' : `"${entryName.slice(0, 80)}" inside the document`
  let match: RegExpExecArray | null
  if ((match = /^(?:invalid characters in fileName|absolute path|invalid relative path): (.*)$/s.exec(message)))
    return new RefusalError('corrupt', unsafeName(match[1]!))
  if (/^too many bytes in the stream/.test(message))
    return new RefusalError('zip_bomb', `${where} expands beyond the size it declares: a zip bomb.`)
  // A stored (uncompressed) part that claims to unpack to more than it holds is the same size lie.
  if ((match = /^compressed\/uncompressed size mismatch for stored file: (\d+) != (\d+)/.exec(message)))
    return Number(match[2]) > Number(match[1])
      ? new RefusalError(
          'zip_bomb',
          `A stored part of the document claims to unpack to more than it holds: a zip bomb.`,
        )
      : new RefusalError('corrupt', 'The document is damaged: a stored part disagrees with its own size.')
  if (/strong encryption|entry is encrypted/.test(message))
    return new RefusalError(
      'encrypted',
      'The document is password-protected, so its text cannot be read. Ask for an unprotected copy.',
    )
  if (/^End of central directory record signature not found/.test(message))
    return new RefusalError('corrupt', 'The document is damaged: it is not a complete ZIP archive.')
  if (/^Invalid comment length/.test(message))
    return new RefusalError('corrupt', 'The document is damaged: there are stray bytes after its end.')
  if (/^(?:invalid central directory file header signature|unexpected EOF)/.test(message))
    return new RefusalError('corrupt', 'The document is damaged: its table of contents is broken.')
  if (/^(?:invalid local file header signature|file data overflows file bounds)/.test(message))
    return new RefusalError(
      'corrupt',
      entryName === undefined
        ? 'The document is damaged.'
        : `The document is damaged near "${entryName.slice(0, 80)}".`,
    )
  if (/^not enough bytes in the stream/.test(message))
    return new RefusalError('corrupt', `${where} is cut short (smaller than it declares).`)
  if (
    /^(?:invalid|incorrect|unexpected end of file)/i.test(message) ||
    (error as NodeJS.ErrnoException).code?.startsWith('Z_')
  )
    return new RefusalError('corrupt', `${where} is damaged and cannot be decompressed.`)
  return new RefusalError('corrupt', `The document is damaged: ${message.slice(0, 160)}.`)
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50

/** A ZIP with every entry stored uncompressed: cheap to write (the data export). yauzl reads only, so the writer stays ours. */
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
