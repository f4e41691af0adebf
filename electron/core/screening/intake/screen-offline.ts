import fs from 'node:fs'
import { MAX_RESUME_BYTES } from '../../../../shared/contract/screening'
import { emailKey, phoneKey, samePersonBy, type ContactKeys } from '../candidates/contact-keys'
import type { ScoringJobSource } from '../scoring/job-query'
import { scoringJobOf } from '../scoring/job-query'
import { rankCandidates } from '../scoring/rank'
import type { CandidateFeatures, PartKey } from '../scoring/types'
import type { ContentFlag } from '../types'
import { contentHash } from './file-store'
import type { ResumeParser } from './resume-parser'
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
  /** The flags of this file and of every duplicate folded into it, each naming its file. */
  flags: (ContentFlag & { file: string })[]
}

export interface ScreenReport {
  ranked: ScreenedCandidate[]
  refused: { file: string; reason: string; message: string }[]
  duplicates: { file: string; of: string; reason: 'same_file' | 'same_person' }[]
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

interface Read {
  file: SourceFile
  mtime: number
  hash: string
  name: string
  email: string | null
  keys: ContactKeys
  years: number
  flags: ContentFlag[]
  features: Omit<CandidateFeatures, 'candidateId'>
}

/**
 * Screens files against a job with nothing stored: the same reading, features and ranking as the
 * studio, for the command line. Duplicates are folded as intake folds them (same bytes; same email
 * or phone, keeping the newer file).
 */
export async function screenFiles(
  files: readonly SourceFile[],
  job: ScoringJobSource,
  parser: ResumeParser,
  onProgress?: (done: number, total: number) => void,
): Promise<ScreenReport> {
  const report: ScreenReport = { ranked: [], refused: [], duplicates: [] }
  const reads: Read[] = []
  let next = 0
  let done = 0
  const readOne = async (file: SourceFile) => {
    const stat = await fs.promises.stat(file.path).catch(() => null)
    if (!stat?.isFile())
      return report.refused.push({ file: file.path, reason: 'unreadable', message: 'not found or not a regular file' })
    if (stat.size > MAX_RESUME_BYTES) {
      return report.refused.push({
        file: file.path,
        reason: 'too_large',
        message: `The file is ${megabytes(stat.size)}; the limit is ${megabytes(MAX_RESUME_BYTES)}`,
      })
    }
    const bytes = await fs.promises.readFile(file.path)
    const parsed = await parser.parse(bytes, file.name).catch(() => null)
    if (!parsed)
      return report.refused.push({ file: file.path, reason: 'corrupt', message: 'the file could not be read' })
    if (!parsed.ok)
      return report.refused.push({ file: file.path, reason: parsed.refusal.reason, message: parsed.refusal.message })
    const { features } = parsed
    const { contact } = parsed.resume
    reads.push({
      file,
      mtime: stat.mtimeMs,
      hash: contentHash(bytes),
      name: contact.name?.trim() || file.name,
      email: contact.email,
      keys: { emailKey: emailKey(contact.email), phoneKey: phoneKey(contact.phone) },
      years: features.totalYears,
      flags: parsed.document.flags,
      features: {
        skillIds: new Set(features.skillIds),
        totalYears: features.totalYears,
        educationRank: features.educationRank,
        terms: features.terms,
      },
    })
  }
  const lane = async () => {
    while (next < files.length) {
      await readOne(files[next++]!)
      onProgress?.(++done, files.length)
    }
  }
  await Promise.all(Array.from({ length: Math.min(files.length, Math.max(2, parser.concurrency * 2)) }, lane))

  // Newest first, so that of two files of one person the newer is the one kept.
  reads.sort((a, b) => b.mtime - a.mtime || a.file.path.localeCompare(b.file.path))
  const byHash = new Map<string, Read>()
  const kept: Read[] = []
  const flagsOf = new Map<Read, ScreenedCandidate['flags']>()
  for (const read of reads) {
    const sameFile = byHash.get(read.hash)
    const samePerson = kept.find((other) => samePersonBy(read.keys, other.keys))
    const keeper = sameFile ?? samePerson
    if (keeper) {
      report.duplicates.push({
        file: read.file.path,
        of: keeper.file.path,
        reason: sameFile ? 'same_file' : 'same_person',
      })
      // Same bytes carry the same flags; an older resume of the same person may carry others.
      if (!sameFile) flagsOf.get(keeper)!.push(...fileFlags(read))
      continue
    }
    byHash.set(read.hash, read)
    kept.push(read)
    flagsOf.set(read, fileFlags(read))
  }

  const scoring = scoringJobOf(job)
  const names = new Map([...job.requiredSkills, ...job.preferredSkills].map((s) => [s.skillId, s.name]))
  const ranked = rankCandidates(
    scoring,
    kept.map((read, i) => ({ candidateId: String(i), ...read.features })),
  )
  report.ranked = ranked.map((r) => {
    const read = kept[Number(r.candidateId)]!
    return {
      file: read.file.path,
      name: read.name,
      email: read.email,
      years: read.years,
      score: r.score,
      parts: r.parts,
      matched: r.matched.map((id) => names.get(id) ?? id),
      missing: r.missing.map((id) => names.get(id) ?? id),
      flags: flagsOf.get(read)!,
    }
  })
  return report
}

const fileFlags = (read: Read): ScreenedCandidate['flags'] =>
  read.flags.map((flag) => ({ ...flag, file: read.file.path }))
