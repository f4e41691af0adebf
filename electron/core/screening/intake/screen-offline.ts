import fs from 'node:fs'
import { MAX_RESUME_BYTES } from '../../../../shared/contract/screening'
import { lineNaming } from '../candidates/highlights'
import { emailKey, phoneKey, PeopleByKeys } from '../candidates/contact-keys'
import { explainScore } from '../scoring/explain'
import { visibleMentions } from '../scoring/features'
import type { ScoringJobSource } from '../scoring/job-query'
import type { RelatedSkills } from '../taxonomy/related'
import { matchedCustomSkills, scoringJobOf } from '../scoring/job-query'
import { rankCandidates } from '../scoring/rank'
import type { PartKey } from '../scoring/types'
import type { ContentFlag, Refusal } from '../types'
import { contentHash } from './file-store'
import type { ReadChoice } from '../parse-pool/protocol'
import type { ResumeParser } from './resume-parser'
import { DataFolderError, type ScreenStore, type StoredOutcome, type StoredRead } from './screen-store'
import type { SourceFile } from './sources'

export interface ScreenedCandidate {
  file: string
  name: string
  email: string | null
  years: number
  score: number
  parts: Partial<Record<PartKey, number>>
  matched: string[]
  missing: string[]
  /** The same plain-language paragraph the app shows beside the score. */
  explanation: string
  /** Skill name → the resume line that proves it: the job's matched skills first, then the others read. */
  evidence: Record<string, string>
  /** The flags of this file and of every duplicate folded into it, each naming its file. */
  flags: (ContentFlag & { file: string })[]
  /** Why the file was judged not a resume, when it was ranked anyway (ScreenOptions.acceptNonResumes). */
  notAResume: string | null
}

export interface ScreenReport {
  ranked: ScreenedCandidate[]
  refused: { file: string; reason: string; message: string }[]
  duplicates: { file: string; of: string; reason: 'same_file' | 'same_person' }[]
}

/** Several jobs against one reading of the files. */
export interface MultiScreenReport {
  rankings: { ranked: ScreenedCandidate[] }[]
  refused: ScreenReport['refused']
  duplicates: ScreenReport['duplicates']
  /** Files read this run, and files whose kept read (--data) was used instead. */
  counts: { read: number; reused: number }
  /** Why this run's reads could not be kept (the store is as it was); null when they were, or no store. */
  storeError: string | null
}

export interface ScreenOptions {
  onProgress?: (done: number, total: number) => void
  /** Where reads are kept between runs; without it every file is read. */
  store?: ScreenStore
  /** Which skills count as part evidence toward a job's skill (the taxonomy's); without it, none. */
  related?: RelatedSkills
  /** Rank files judged not a resume too, each marked with the judgement (the app's "Import anyway"). */
  acceptNonResumes?: boolean
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** A refusal that may not happen again on the same bytes is never kept. */
const TRANSIENT = new Set<Refusal['reason']>(['timeout', 'corrupt'])

interface Read extends StoredRead {
  file: SourceFile
  mtime: number
  hash: string
  notAResume: string | null
}

function distinctSkills(read: Pick<StoredRead, 'skills'>['skills']) {
  const seen = new Set<string>()
  return read.filter((s) => !seen.has(s.skillId) && seen.add(s.skillId))
}

/**
 * Screens files against one job with nothing stored: the same reading, features and ranking as the
 * studio, for the command line. Duplicates are folded as intake folds them (same bytes; same email
 * or phone, keeping the newer file).
 */
export async function screenFiles(
  files: readonly SourceFile[],
  job: ScoringJobSource,
  parser: ResumeParser,
  onProgress?: (done: number, total: number) => void,
): Promise<ScreenReport> {
  const report = await screenFilesForJobs(files, [job], parser, onProgress ? { onProgress } : {})
  return { ranked: report.rankings[0]!.ranked, refused: report.refused, duplicates: report.duplicates }
}

/** Reads the files once (reusing kept reads when a store is given) and ranks them against each job. */
export async function screenFilesForJobs(
  files: readonly SourceFile[],
  jobs: readonly ScoringJobSource[],
  parser: ResumeParser,
  options: ScreenOptions = {},
): Promise<MultiScreenReport> {
  const { store, onProgress } = options
  const refused: ScreenReport['refused'] = []
  const duplicates: ScreenReport['duplicates'] = []
  const counts = { read: 0, reused: 0 }
  const reads: Read[] = []
  const fresh: { hash: string; outcome: StoredOutcome }[] = []
  let next = 0
  let done = 0

  const readBytes = async (bytes: Buffer, file: SourceFile, choice?: ReadChoice): Promise<StoredOutcome | null> => {
    const parsed = await parser.parse(bytes, file.name, undefined, choice).catch(() => null)
    if (!parsed) return null
    if (!parsed.ok) return { ok: false, refusal: parsed.refusal }
    const { features, document, resume } = parsed
    const { contact } = resume
    return {
      ok: true,
      read: {
        name: contact.name,
        email: contact.email,
        keys: { emailKey: emailKey(contact.email), phoneKey: phoneKey(contact.phone) },
        years: features.totalYears,
        ...(resume.experience ? { experience: resume.experience } : {}),
        educationLevel: resume.educationLevel,
        skills: distinctSkills(visibleMentions(document, resume.skills)).map(({ skillId, name }) => ({
          skillId,
          name,
        })),
        flags: document.flags,
        text: document.text,
        features,
      },
    }
  }

  // Files are stat'ed and read with blocking calls: the promise API cost about fifteen times their CPU
  // (1,000 resumes: about 150 against 10 ms) on the thread that also hands the files to the workers
  // and reads their answers, and a resume comes off the disk in microseconds.
  const readOne = async (file: SourceFile) => {
    const stat = statOrNull(file.path)
    if (!stat?.isFile())
      return refused.push({ file: file.path, reason: 'unreadable', message: 'not found or not a regular file' })
    if (stat.size > MAX_RESUME_BYTES) {
      return refused.push({
        file: file.path,
        reason: 'too_large',
        message: `The file is ${megabytes(stat.size)}; the limit is ${megabytes(MAX_RESUME_BYTES)}`,
      })
    }
    const bytes = fs.readFileSync(file.path)
    const hash = contentHash(bytes)
    let outcome = store?.get(hash) ?? null
    const reused = outcome !== null
    if (!reused) {
      outcome = await readBytes(bytes, file)
      if (outcome && (outcome.ok || !TRANSIENT.has(outcome.refusal.reason))) fresh.push({ hash, outcome })
    }
    let notAResume: string | null = null
    if (options.acceptNonResumes && outcome?.ok === false && outcome.refusal.reason === 'not_a_resume') {
      // Read again without the judgement; not kept, as the kept outcome is what a plain run reads.
      notAResume = outcome.refusal.message
      outcome = await readBytes(bytes, file, { acceptNonResume: true })
    }
    counts[reused && notAResume === null ? 'reused' : 'read']++
    if (!outcome) return refused.push({ file: file.path, reason: 'corrupt', message: 'the file could not be read' })
    if (!outcome.ok)
      return refused.push({ file: file.path, reason: outcome.refusal.reason, message: outcome.refusal.message })
    reads.push({ ...outcome.read, file, mtime: stat.mtimeMs, hash, notAResume })
  }
  const lane = async () => {
    while (next < files.length) {
      await readOne(files[next++]!)
      onProgress?.(++done, files.length)
    }
  }
  await Promise.all(Array.from({ length: Math.min(files.length, Math.max(2, parser.concurrency * 2)) }, lane))
  // All or nothing: a store that cannot be saved (a full disk) is left as it was, and the run goes on.
  let storeError: string | null = null
  try {
    store?.saveAll(fresh)
  } catch (error) {
    if (!(error instanceof DataFolderError)) throw error
    storeError = error.message
  }

  // Newest first, so that of two files of one person the newer is the one kept. Lanes finish in any
  // order: sort the refusals too, so that a run's output does not depend on timing.
  refused.sort((a, b) => a.file.localeCompare(b.file))
  reads.sort((a, b) => b.mtime - a.mtime || a.file.path.localeCompare(b.file.path))
  const byHash = new Map<string, Read>()
  const kept: Read[] = []
  const people = new PeopleByKeys<Read>()
  const flagsOf = new Map<Read, ScreenedCandidate['flags']>()
  for (const read of reads) {
    const sameFile = byHash.get(read.hash)
    const samePerson = people.find(read.keys)
    const keeper = sameFile ?? samePerson
    if (keeper) {
      duplicates.push({ file: read.file.path, of: keeper.file.path, reason: sameFile ? 'same_file' : 'same_person' })
      // Same bytes carry the same flags; an older resume of the same person may carry others.
      if (!sameFile) flagsOf.get(keeper)!.push(...fileFlags(read))
      continue
    }
    byHash.set(read.hash, read)
    kept.push(read)
    people.add(read)
    flagsOf.set(read, fileFlags(read))
  }

  // Ids in file-path order, so that equal scores rank in the same order whatever the files' times.
  const ordered = [...kept].sort((a, b) => a.file.path.localeCompare(b.file.path))
  const idWidth = String(ordered.length).length
  const pool = ordered.map((read, i) => ({
    ...read.features,
    candidateId: String(i).padStart(idWidth, '0'),
    skillIds: new Set(read.features.skillIds),
  }))
  const rankings = jobs.map((job) => ({ ranked: rankJob(job, ordered, pool, flagsOf, options.related) }))
  return { rankings, refused, duplicates, counts, storeError }
}

function rankJob(
  job: ScoringJobSource,
  kept: readonly Read[],
  pool: Parameters<typeof rankCandidates>[1],
  flagsOf: ReadonlyMap<Read, ScreenedCandidate['flags']>,
  related?: RelatedSkills,
): ScreenedCandidate[] {
  return rankCandidates(scoringJobOf(job, related), pool).map((breakdown) => {
    const read = kept[Number(breakdown.candidateId)]!
    // As the app's candidate detail: the reader's proof lines, and for a matched skill outside the
    // taxonomy the first line naming it.
    const lines: Record<string, string> = { ...read.features.skillEvidence }
    for (const { skillId, name } of matchedCustomSkills(job, breakdown.matched)) {
      const line = lineNaming(read.text, name)
      if (line) lines[skillId] = line
    }
    const view = explainScore({
      job,
      breakdown,
      evidence: lines,
      candidateSkills: read.skills,
      totalYears: read.years,
      ...(read.experience ? { experience: read.experience } : {}),
      educationLevel: read.educationLevel,
      semantic: null,
    })
    const evidence: Record<string, string> = {}
    for (const skill of view.matched) if (skill.evidence) evidence[skill.name] = skill.evidence
    for (const skill of view.additional) {
      const line = lines[skill.skillId]
      if (line) evidence[skill.name] = line
    }
    return {
      file: read.file.path,
      name: read.name?.trim() || read.file.name,
      email: read.email,
      years: read.years,
      score: breakdown.score,
      parts: breakdown.parts,
      matched: view.matched.map((skill) => skill.name),
      missing: view.missing.map((skill) => skill.name),
      explanation: view.explanation,
      evidence,
      flags: flagsOf.get(read)!,
      notAResume: read.notAResume,
    }
  })
}

const fileFlags = (read: Read): ScreenedCandidate['flags'] =>
  read.flags.map((flag) => ({ ...flag, file: read.file.path }))

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file)
  } catch {
    return null
  }
}
