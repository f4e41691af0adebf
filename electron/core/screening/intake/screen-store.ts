import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import { PRIVATE_FILE, PRIVATE_FOLDER, keepPrivate } from '../../data-folder/private-modes'
import type { ResumeFeatures } from '../scoring/features'
import { REFUSAL_REASONS, type ContentFlag, type EducationLevel, type ExperienceReading, type Refusal } from '../types'

/**
 * What `panelist screen --data DIR` keeps: each file's read, by the sha256 of its bytes and the
 * reader's version, in one small SQLite file (DIR/screen-cache.sqlite, this user's alone). A later
 * run reads only files whose bytes are new or whose kept read is of another version. Everything that
 * comes out is validated; a file that is not this store (damaged, or another program's) is moved
 * aside with a message and a new store is started, never a crash.
 */

export const SCREEN_STORE_FILE = 'screen-cache.sqlite'
/** 'PnlS': marks the file as this store (PRAGMA application_id). */
const APPLICATION_ID = 0x506e6c53
/** The table layout; a store of another layout is moved aside. */
const SCHEMA_VERSION = 1

/** What one read produced: enough to fold duplicates, rank and explain without the file. */
export interface StoredRead {
  name: string | null
  email: string | null
  keys: { emailKey: string | null; phoneKey: string | null }
  years: number
  experience?: ExperienceReading
  educationLevel: EducationLevel
  /** Every skill read from the visible text, once each, in the order found. */
  skills: { skillId: string; name: string }[]
  flags: ContentFlag[]
  /** The visible text: the proof line of a job skill outside the taxonomy is found in it. */
  text: string
  features: ResumeFeatures
}

export type StoredOutcome = { ok: true; read: StoredRead } | { ok: false; refusal: Refusal }

/** The --data folder cannot be used or saved to: the message says why; the store is left as it was. */
export class DataFolderError extends Error {}

// ---- Generic (de)serialisation: the features object may gain fields; typed arrays, Sets and Maps
// are kept as tagged plain arrays so that whatever it holds comes back as it was.

const TYPED = {
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Int8Array,
  Int16Array,
  Int32Array,
  Float32Array,
  Float64Array,
} as const
type TypedName = keyof typeof TYPED

export function toStorable(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name as TypedName
    if (!(name in TYPED)) throw new Error(`cannot store a ${value.constructor.name}`)
    return { $typed: name, values: Array.from(value as unknown as ArrayLike<number>) }
  }
  if (Array.isArray(value)) return value.map(toStorable)
  if (value instanceof Set) return { $set: [...value].map(toStorable) }
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [toStorable(k), toStorable(v)]) }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStorable(v)]))
}

export function fromStorable(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(fromStorable)
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  if (keys.length === 2 && typeof record.$typed === 'string' && Array.isArray(record.values)) {
    const Typed = TYPED[record.$typed as TypedName] as (typeof TYPED)[TypedName] | undefined
    if (!Typed || !record.values.every((n) => typeof n === 'number')) throw new Error('damaged typed array')
    return Typed.from(record.values as number[])
  }
  if (keys.length === 1 && Array.isArray(record.$set)) return new Set(record.$set.map(fromStorable))
  if (keys.length === 1 && Array.isArray(record.$map))
    return new Map(
      record.$map.map((pair) => {
        if (!Array.isArray(pair) || pair.length !== 2) throw new Error('damaged map')
        return [fromStorable(pair[0]), fromStorable(pair[1])] as const
      }),
    )
  return Object.fromEntries(keys.map((k) => [k, fromStorable(record[k])]))
}

// ---- Validation of what comes out: the fields ranking and the output use; other feature fields pass.

const featuresSchema = z
  .looseObject({
    skillIds: z.array(z.string()),
    skillEvidence: z.record(z.string(), z.string()),
    totalYears: z.number().finite().min(0),
    educationRank: z.number().finite(),
    terms: z
      .looseObject({
        length: z.number().int().min(0),
        hashes: z.instanceof(Uint32Array),
        frequencies: z.instanceof(Uint16Array),
      })
      .refine((t) => t.hashes.length === t.frequencies.length, 'term vector lengths differ'),
  })
  .transform((features) => features as unknown as ResumeFeatures)

const flagSchema = z.object({
  kind: z.enum(['hidden_text', 'prompt_injection']),
  detail: z.string(),
  text: z.string(),
  page: z.number().optional(),
})

const readSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  keys: z.object({ emailKey: z.string().nullable(), phoneKey: z.string().nullable() }),
  years: z.number().finite().min(0),
  experience: z
    .object({
      years: z.number().finite(),
      basis: z.enum(['dates', 'stated', 'durations', 'none']),
      confidence: z.enum(['high', 'medium', 'low']),
    })
    .optional(),
  educationLevel: z.enum(['none', 'high_school', 'associate', 'bachelor', 'master', 'doctorate']),
  skills: z.array(z.object({ skillId: z.string(), name: z.string() })),
  flags: z.array(flagSchema),
  text: z.string(),
  features: featuresSchema,
})

const outcomeSchema = z.union([
  z.object({ ok: z.literal(true), read: readSchema }),
  z.object({
    ok: z.literal(false),
    refusal: z.object({
      reason: z.enum(REFUSAL_REASONS),
      message: z.string(),
    }),
  }),
])

// ---- The store.

export interface ScreenStore {
  readonly file: string
  /** The kept read of these bytes under this version, or null (none, another version, or damaged). */
  get(hash: string): StoredOutcome | null
  /** Keeps every read of this run in one transaction: all of them are saved, or none. */
  saveAll(entries: readonly { hash: string; outcome: StoredOutcome }[]): void
  /** How many kept reads were damaged and read again. */
  readonly damaged: number
  close(): void
}

export interface OpenScreenStoreOptions {
  /** The reader version and anything else a read depends on (e.g. the taxonomy's hash). */
  version: string
  /** Told what was done to a store that could not be used (moved aside). */
  onNote?: (message: string) => void
  /** Tests only: caps the file's size in pages, to meet a full disk. */
  maxPages?: number
}

const errorCode = (error: unknown) => (error as { code?: string }).code ?? ''

function describeFailure(error: unknown, what: string): string {
  const code = errorCode(error)
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return `${what}: the disk is full`
  if (code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return `${what}: it cannot be written to`
  return `${what}: ${error instanceof Error ? error.message : String(error)}`
}

/** Makes DIR (0700 when created here) and checks it can hold the store. */
function prepareFolder(dir: string): void {
  let stat: fs.Stats | undefined
  try {
    stat = fs.statSync(dir, { throwIfNoEntry: false })
  } catch (error) {
    if (errorCode(error) === 'ENOTDIR')
      throw new DataFolderError(`--data ${dir}: part of the path is a file, not a folder.`)
    throw new DataFolderError(describeFailure(error, `--data ${dir} cannot be used`))
  }
  if (stat && !stat.isDirectory()) throw new DataFolderError(`--data ${dir} is a file, not a folder.`)
  if (!stat) {
    try {
      fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER })
      if (process.platform !== 'win32') fs.chmodSync(dir, PRIVATE_FOLDER)
    } catch (error) {
      if (errorCode(error) === 'ENOTDIR' || errorCode(error) === 'EEXIST')
        throw new DataFolderError(`--data ${dir}: part of the path is a file, not a folder.`)
      throw new DataFolderError(describeFailure(error, `--data ${dir} cannot be made`))
    }
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK)
  } catch (error) {
    throw new DataFolderError(describeFailure(error, `--data ${dir} cannot be used`))
  }
}

/** Creates the file empty (a valid empty database) with private modes before SQLite opens it. */
function createEmpty(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE))
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw new DataFolderError(describeFailure(error, `${file} cannot be created`))
  }
  keepPrivate(file)
}

type Db = BetterSqlite3.Database

/** Opens the file as this store, or says why it is not one. */
function openAsStore(file: string, maxPages: number | undefined): Db | string {
  let db: Db | null = null
  try {
    db = new BetterSqlite3(file, { fileMustExist: true })
    db.pragma('busy_timeout = 5000')
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]
    const applicationId = db.pragma('application_id', { simple: true }) as number
    const schemaVersion = db.pragma('user_version', { simple: true }) as number
    if (!tables.length && applicationId === 0) {
      db.exec(`
        CREATE TABLE reads (
          content_hash TEXT PRIMARY KEY NOT NULL,
          reader_version TEXT NOT NULL,
          outcome TEXT NOT NULL
        ) STRICT;
        PRAGMA application_id = ${APPLICATION_ID};
        PRAGMA user_version = ${SCHEMA_VERSION};
      `)
    } else if (applicationId !== APPLICATION_ID) {
      db.close()
      return 'it is not a Panelist screening store'
    } else if (schemaVersion !== SCHEMA_VERSION) {
      db.close()
      return `it is of another layout (${schemaVersion})`
    }
    if (maxPages) db.pragma(`max_page_count = ${maxPages}`)
    return db
  } catch (error) {
    db?.close()
    const code = errorCode(error)
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return 'it is damaged or not a database'
    throw new DataFolderError(describeFailure(error, `${file} cannot be opened`))
  }
}

function setAside(file: string, why: string, onNote?: (message: string) => void): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const aside = `${file}.set-aside-${stamp}`
  try {
    fs.renameSync(file, aside)
    for (const suffix of ['-journal', '-wal', '-shm'])
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix)
  } catch (error) {
    throw new DataFolderError(describeFailure(error, `${file} cannot be used (${why}) nor moved aside`))
  }
  onNote?.(
    `The store ${file} could not be used (${why}); it was moved to ${path.basename(aside)} and a new one started.`,
  )
}

export function openScreenStore(dir: string, options: OpenScreenStoreOptions): ScreenStore {
  prepareFolder(dir)
  const file = path.join(dir, SCREEN_STORE_FILE)
  const existing = fs.lstatSync(file, { throwIfNoEntry: false })
  if (existing && !existing.isFile()) throw new DataFolderError(`${file} is not a regular file.`)
  if (!existing) createEmpty(file)
  let opened = openAsStore(file, options.maxPages)
  if (typeof opened === 'string') {
    setAside(file, opened, options.onNote)
    createEmpty(file)
    opened = openAsStore(file, options.maxPages)
    if (typeof opened === 'string') throw new DataFolderError(`${file} cannot be started: ${opened}.`)
  }
  const db = opened
  keepPrivate(file)
  const select = db.prepare<[string], { reader_version: string; outcome: string }>(
    'SELECT reader_version, outcome FROM reads WHERE content_hash = ?',
  )
  const upsert = db.prepare<[string, string, string]>(
    'INSERT INTO reads (content_hash, reader_version, outcome) VALUES (?, ?, ?) ' +
      'ON CONFLICT (content_hash) DO UPDATE SET reader_version = excluded.reader_version, outcome = excluded.outcome',
  )
  let damaged = 0
  return {
    file,
    get damaged() {
      return damaged
    },
    get(hash) {
      let row: { reader_version: string; outcome: string } | undefined
      try {
        row = select.get(hash)
      } catch {
        damaged++
        return null
      }
      if (!row || row.reader_version !== options.version) return null
      try {
        const parsed = outcomeSchema.safeParse(fromStorable(JSON.parse(row.outcome)))
        if (parsed.success) return parsed.data as StoredOutcome
      } catch {
        // Falls through: damaged.
      }
      damaged++
      return null
    },
    saveAll(entries) {
      if (!entries.length) return
      const rows = entries.map((e) => [e.hash, JSON.stringify(toStorable(e.outcome))] as const)
      try {
        db.transaction(() => {
          for (const [hash, outcome] of rows) upsert.run(hash, options.version, outcome)
        })()
      } catch (error) {
        throw new DataFolderError(
          `${describeFailure(error, `The reads could not be saved in ${file}`)}; the store is as it was before this run.`,
        )
      }
    },
    close: () => db.close(),
  }
}
