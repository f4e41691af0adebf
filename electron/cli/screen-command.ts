/**
 * `panelist screen` once its parse workers are starting: reads the jobs, opens --data, screens the
 * files and prints the ranking. Loaded by the entry (cli.ts) after it has started the workers, so
 * that this code, the contract's schemas and SQLite load while the workers load their readers.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { skillLabel } from '../../shared/contract/screening'
import { decodeText } from '../core/screening/extract/decode-text'
import { parseJobMarkdown, type MarkdownJob } from '../core/screening/jobs/job-markdown'
import { SCREEN_READER_VERSION } from '../core/screening/intake/reader-version'
import type { ResumeParser } from '../core/screening/intake/resume-parser'
import {
  screenFilesForJobs,
  type MultiScreenReport,
  type ScreenedCandidate,
} from '../core/screening/intake/screen-offline'
import { DataFolderError, openScreenStore, type ScreenStore } from '../core/screening/intake/screen-store'
import type { SourceFile } from '../core/screening/intake/sources'
import type { Taxonomy } from '../core/screening/taxonomy'
import type { Args } from './args'

const clip = (text: string, width: number) =>
  text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`

const flagKinds = (flags: ScreenedCandidate['flags']) =>
  [...new Set(flags.map((f) => (f.kind === 'hidden_text' ? 'hidden text' : 'AI instruction')))].join(', ')

const rowFlags = (row: ScreenedCandidate) =>
  [row.notAResume === null ? '' : 'not a resume?', flagKinds(row.flags)].filter(Boolean).join(', ')

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function formatRanking(ranked: readonly ScreenedCandidate[], top: number): string[] {
  const rows = ranked.slice(0, top)
  const lines = [
    `${'#'.padStart(3)}  ${'Score'.padStart(5)}  ${clip('Name', 24)}  ${clip('Matched', 34)}  ${clip('Missing', 28)}  Flags`,
  ]
  rows.forEach((row, i) => {
    const flags = rowFlags(row)
    lines.push(
      `${String(i + 1).padStart(3)}  ${row.score.toFixed(1).padStart(5)}  ${clip(row.name, 24)}  ${clip(row.matched.join(', '), 34)}  ${clip(row.missing.join(', '), 28)}  ${flags}`,
    )
  })
  const more = ranked.length - rows.length
  lines.push('', `${plural(ranked.length, 'candidate')} ranked${more > 0 ? ` (${more} not shown)` : ''}.`)
  return lines
}

function formatTable(report: MultiScreenReport, jobs: readonly { file: string; job: MarkdownJob }[], top: number) {
  const lines: string[] = []
  report.rankings.forEach(({ ranked }, i) => {
    if (jobs.length > 1) lines.push(`${i ? '\n' : ''}== ${jobs[i]!.job.title} (${path.basename(jobs[i]!.file)}) ==`)
    lines.push(...formatRanking(ranked, top))
  })
  const ranked = report.rankings[0]?.ranked ?? []
  const allFlags = ranked.flatMap((row) => row.flags)
  const anyway = ranked.filter((row) => row.notAResume !== null).sort((a, b) => a.file.localeCompare(b.file))
  if (anyway.length)
    lines.push(
      `${plural(anyway.length, 'file')} judged not a resume, ranked anyway:`,
      ...anyway.map((row) => `  ${path.basename(row.file)}: ${row.notAResume}`),
    )
  if (report.duplicates.length)
    lines.push(
      `${plural(report.duplicates.length, 'duplicate')} folded in:`,
      ...report.duplicates.map((d) => {
        const flags = flagKinds(allFlags.filter((flag) => flag.file === d.file))
        return `  ${path.basename(d.file)}: ${d.reason.replace('_', ' ')} as ${path.basename(d.of)}${flags ? ` (flagged: ${flags})` : ''}`
      }),
    )
  if (report.refused.length)
    lines.push(
      `${plural(report.refused.length, 'file')} refused:`,
      ...report.refused.map((r) => `  ${path.basename(r.file)}: ${r.reason} — ${r.message}`),
    )
  if (report.refused.some((r) => r.reason === 'not_a_resume'))
    lines.push('To rank the files refused as not a resume as well, run again with --accept-non-resumes.')
  return lines.join('\n')
}

function formatJson(report: MultiScreenReport, jobs: readonly { job: MarkdownJob }[], top: number): string {
  const { refused, duplicates } = report
  const results = report.rankings.map(({ ranked }, i) => ({ job: jobs[i]!.job, ranked: ranked.slice(0, top) }))
  const output = results.length === 1 ? { ...results[0]!, refused, duplicates } : { results, refused, duplicates }
  return JSON.stringify(output, null, 2)
}

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex')

export interface ScreenRun {
  args: Args
  files: readonly SourceFile[]
  parser: ResumeParser
  taxonomy: Promise<Taxonomy>
  taxonomyFile: string
}

/** The exit code: 0 done; 2 a job file or --data folder that cannot be used; 3 ranked but not kept. */
export async function runScreen({
  args,
  files,
  parser,
  taxonomy: loadingTaxonomy,
  taxonomyFile,
}: ScreenRun): Promise<number> {
  let store: ScreenStore | undefined
  try {
    const taxonomy = await loadingTaxonomy
    const jobs: { file: string; job: MarkdownJob }[] = []
    for (const file of args.jobs) {
      // Read as a resume's text is: a job saved as UTF-16 (PowerShell's redirect) or Windows-1252 reads too.
      const bytes = await fs.promises.readFile(file).catch(() => null)
      if (bytes === null) {
        process.stderr.write(`Cannot read the job file ${file}.\n`)
        return 2
      }
      jobs.push({ file, job: parseJobMarkdown(decodeText(bytes), taxonomy) })
    }

    if (args.data !== null) {
      try {
        // The skill taxonomy is part of what a read produced: a read under another taxonomy is read again.
        const version = `${SCREEN_READER_VERSION}:${sha256(await fs.promises.readFile(taxonomyFile)).slice(0, 16)}`
        store = openScreenStore(path.resolve(args.data), {
          version,
          onNote: (message) => process.stderr.write(`${message}\n`),
        })
      } catch (error) {
        if (!(error instanceof DataFolderError)) throw error
        process.stderr.write(`${error.message}\n`)
        return 2
      }
    }

    const interactive = process.stderr.isTTY && !args.json
    if (!args.json) {
      for (const { job } of jobs) {
        const skills = [
          ...job.requiredSkills.map(skillLabel),
          ...job.preferredSkills.map((s) => `${skillLabel(s)} (preferred)`),
        ].join(', ')
        process.stderr.write(
          `${job.title}: ${skills || 'no skills found'}${job.minYears ? `; ${job.minYears}+ years` : ''}\n`,
        )
      }
      process.stderr.write(`Reading ${plural(files.length, 'file')}…\n`)
    }
    const report = await screenFilesForJobs(
      files,
      jobs.map((j) => j.job),
      parser,
      {
        ...(store ? { store } : {}),
        related: taxonomy.related,
        acceptNonResumes: args.acceptNonResumes,
        onProgress: (done, total) => {
          if (interactive) process.stderr.write(`\r${done} of ${total}`)
        },
      },
    )
    if (interactive) process.stderr.write('\n')
    if (store) {
      process.stderr.write(`${report.counts.read} read, ${report.counts.reused} reused (${store.file}).\n`)
      if (store.damaged) process.stderr.write(`${plural(store.damaged, 'kept read')} damaged, read again.\n`)
    }
    process.stdout.write(`${args.json ? formatJson(report, jobs, args.top) : formatTable(report, jobs, args.top)}\n`)
    if (report.storeError) {
      process.stderr.write(`${report.storeError}\n`)
      return 3
    }
    return 0
  } finally {
    store?.close()
  }
}
