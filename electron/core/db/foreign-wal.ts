import fs from 'node:fs'

/**
 * A `-wal` file beside the database that SQLite would apply on open. SQLite cannot tell a WAL left
 * by this database's own crash from one copied in from another data folder: it applies any WAL
 * whose frames are internally consistent, and a foreign one silently replaces our pages (275
 * candidates became 0). What we can check: the page size, this database's own identity, its
 * `application_id`, which any frame of page 1 in the WAL carries too, and after a crash the WAL's
 * salts, which the crashed run's `-shm` also holds. A WAL need not hold page 1 (SQLite rewrites it
 * only when the file grows or the schema or free list changes), and a `-shm` may come with the
 * WAL; wal-probe.ts then tells a WAL that does not fit the database by reading it.
 */

const HEADER_BYTES = 32
const FRAME_HEADER_BYTES = 24
const MAGIC_LITTLE = 0x377f0682
const MAGIC_BIG = 0x377f0683
/** Where page 1 (the database header) keeps its page size and the application id. */
const PAGE_SIZE_AT = 16
const APPLICATION_ID_AT = 68
/** The -shm's header, kept twice (SQLite trusts it when both copies agree), and its salts. */
const INDEX_HEADER_BYTES = 48
const INDEX_IS_INIT_AT = 12
const INDEX_SALT_AT = 32
/**
 * How many WAL restarts the -shm on disk may miss (each follows a full checkpoint, ~1,000 pages of
 * writes, so far more than a power cut's unwritten seconds hold); a foreign WAL falls within this
 * window by chance about once in a million.
 */
const MAX_UNINDEXED_RESTARTS = 4096

export interface WalVerdict {
  /** Why the WAL is not this database's, or null when it is (or SQLite would ignore it anyway). */
  foreignBecause: string | null
}

interface WalHeader {
  bigEndian: boolean
  pageSize: number
  salt: [number, number]
  checksum: [number, number]
}

function readWalHeader(fd: number): WalHeader | null {
  const header = Buffer.alloc(HEADER_BYTES)
  if (fs.readSync(fd, header, 0, HEADER_BYTES, 0) < HEADER_BYTES) return null
  const magic = header.readUInt32BE(0)
  if (magic !== MAGIC_LITTLE && magic !== MAGIC_BIG) return null
  const bigEndian = magic === MAGIC_BIG
  const checksum = walChecksum(header.subarray(0, 24), [0, 0], bigEndian)
  if (checksum[0] !== header.readUInt32BE(24) || checksum[1] !== header.readUInt32BE(28)) return null
  return {
    bigEndian,
    pageSize: header.readUInt32BE(8),
    salt: [header.readUInt32BE(16), header.readUInt32BE(20)],
    checksum,
  }
}

/** SQLite's WAL checksum: Fibonacci-weighted sums over 32-bit words, carried from frame to frame. */
function walChecksum(data: Buffer, start: [number, number], bigEndian: boolean): [number, number] {
  let [s0, s1] = start
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i)
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4)
    s0 = (s0 + x0 + s1) >>> 0
    s1 = (s1 + x1 + s0) >>> 0
  }
  return [s0, s1]
}

/**
 * The newest committed copy of page 1 in the WAL, as SQLite would read it: frames count while
 * their salts and running checksum hold, and only up to the last commit frame.
 */
function committedPageOne(fd: number, wal: WalHeader): { frames: number; pageOne: Buffer | null } {
  const frame = Buffer.alloc(FRAME_HEADER_BYTES + wal.pageSize)
  let checksum = wal.checksum
  let pending: Buffer | null = null
  let committed: { frames: number; pageOne: Buffer | null } = { frames: 0, pageOne: null }
  for (let index = 0; ; index++) {
    const at = HEADER_BYTES + index * frame.length
    if (fs.readSync(fd, frame, 0, frame.length, at) < frame.length) break
    if (frame.readUInt32BE(8) !== wal.salt[0] || frame.readUInt32BE(12) !== wal.salt[1]) break
    checksum = walChecksum(frame.subarray(0, 8), checksum, wal.bigEndian)
    checksum = walChecksum(frame.subarray(FRAME_HEADER_BYTES), checksum, wal.bigEndian)
    if (checksum[0] !== frame.readUInt32BE(16) || checksum[1] !== frame.readUInt32BE(20)) break
    if (frame.readUInt32BE(0) === 1) pending = Buffer.from(frame.subarray(FRAME_HEADER_BYTES))
    if (frame.readUInt32BE(4) !== 0) committed = { frames: index + 1, pageOne: pending ?? committed.pageOne }
  }
  return committed
}

function readDatabaseHeader(file: string): Buffer | null {
  const header = Buffer.alloc(100)
  const fd = fs.openSync(file, 'r')
  try {
    return fs.readSync(fd, header, 0, 100, 0) === 100 ? header : null
  } finally {
    fs.closeSync(fd)
  }
}

/** The salts of the WAL the -shm beside `file` last indexed, or null when it has no readable header. */
function indexedSalts(file: string): [number, number] | null {
  const header = Buffer.alloc(2 * INDEX_HEADER_BYTES)
  let fd: number
  try {
    fd = fs.openSync(`${file}-shm`, 'r')
  } catch {
    return null
  }
  try {
    if (fs.readSync(fd, header, 0, header.length, 0) < header.length) return null
  } finally {
    fs.closeSync(fd)
  }
  const first = header.subarray(0, INDEX_HEADER_BYTES)
  if (first[INDEX_IS_INIT_AT] !== 1 || !first.equals(header.subarray(INDEX_HEADER_BYTES))) return null
  return [first.readUInt32BE(INDEX_SALT_AT), first.readUInt32BE(INDEX_SALT_AT + 4)]
}

/**
 * Whether this WAL can be the one the crashed run's -shm was indexing, or a later one of the same
 * run: each restart of a WAL adds one to its first salt (the second is new). The -shm is never
 * synced, so after a power cut it may lag the WAL by a few restarts; a WAL from elsewhere has an
 * unrelated first salt. Without a readable -shm there is nothing to compare, which is no evidence.
 */
function mayFollowIndex(file: string, wal: WalHeader): boolean {
  const salts = indexedSalts(file)
  if (!salts) return true
  if (salts[0] === wal.salt[0]) return salts[1] === wal.salt[1]
  const restarts = (wal.salt[0] - salts[0]) >>> 0
  return restarts <= MAX_UNINDEXED_RESTARTS
}

/** The page size as the header stores it (1 means 65536). */
const pageSizeOf = (header: Buffer) => {
  const size = header.readUInt16BE(PAGE_SIZE_AT)
  return size === 1 ? 65_536 : size
}

/**
 * Judges the WAL beside `file` before SQLite opens it. `cleanShutdown`: the last run closed the
 * database, after which SQLite has already folded its WAL in and removed it, so committed frames
 * there came from elsewhere.
 */
export function judgeWal(file: string, cleanShutdown: boolean): WalVerdict {
  const walFile = `${file}-wal`
  if (!fs.existsSync(walFile) || !fs.existsSync(file)) return { foreignBecause: null }
  const database = readDatabaseHeader(file)
  const fd = fs.openSync(walFile, 'r')
  try {
    const wal = readWalHeader(fd)
    if (!wal || !database) return { foreignBecause: null }
    if (wal.pageSize !== pageSizeOf(database)) return { foreignBecause: 'its page size differs from the database' }
    const { frames, pageOne } = committedPageOne(fd, wal)
    if (frames === 0) return { foreignBecause: null }
    const ours = database.readInt32BE(APPLICATION_ID_AT)
    if (pageOne && ours !== 0 && pageOne.readInt32BE(APPLICATION_ID_AT) !== ours)
      return { foreignBecause: 'it was written by another database' }
    if (cleanShutdown) return { foreignBecause: 'the database was closed cleanly, so it cannot be its own' }
    if (!mayFollowIndex(file, wal))
      return { foreignBecause: 'it is not the journal the last run was writing when it stopped' }
    return { foreignBecause: null }
  } finally {
    fs.closeSync(fd)
  }
}

/** Moves the WAL (and its index) aside, kept for recovery; returns where the WAL went. */
export function setWalAside(file: string, stamp: number): string {
  const aside = `${file}.foreign-wal-${stamp}`
  fs.renameSync(`${file}-wal`, aside)
  if (fs.existsSync(`${file}-shm`)) fs.renameSync(`${file}-shm`, `${aside}-shm`)
  return aside
}
