/**
 * The command line: `panelist screen --job job.md [--job other.md …] <folder or files…> [--top 20]
 * [--json] [--data DIR]`. Reads every resume once with the studio's worker pool, ranks them against
 * each job with the studio's scoring, and prints a table (or JSON) with the app's explanation. Offline;
 * nothing is stored unless --data names a folder to keep the reads in for the next run.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseJobMarkdown, type MarkdownJob } from '../core/screening/jobs/job-markdown'
import { SCREEN_READER_VERSION } from '../core/screening/intake/reader-version'
import {
  screenFilesForJobs,
  type MultiScreenReport,
  type ScreenedCandidate,
} from '../core/screening/intake/screen-offline'
import { DataFolderError, openScreenStore, type ScreenStore } from '../core/screening/intake/screen-store'
import { expandPaths, type SourceFile } from '../core/screening/intake/sources'
import type { WarmReader } from '../core/screening/parse-pool/protocol'
import { loadTaxonomyFile } from '../core/screening/taxonomy'
import { codeCacheDirectory, startReaderPool } from './reader-pool'

const USAGE = `Usage: panelist screen --job <job.md> [--job <job.md> …] <folder or files…>
                       [--top N] [--json] [--data DIR]

  --job <file>   The job as Markdown: a title line, the description, and optionally
                 "Required: a, b, c" / "Preferred: d, e" lists, "Minimum years: 5",
                 "Education: bachelor". Without a Required list, skills are suggested
                 from the description. Give --job several times to rank the same
                 files against each job: they are read once.
  --top <N>      How many candidates to show per job (default 20).
  --json         Print the full result as JSON instead of a table.
  --data <DIR>   Keep what each file's read produced in DIR/screen-cache.sqlite
                 (created private) and reuse it next time: only files whose bytes
                 are new, or that an older reader read, are read again.

JSON: with one --job, { job, ranked, refused, duplicates }; with several,
{ results: [{ job, ranked }, …] (in the order given), refused, duplicates }.
Each ranked candidate: { file, name, email, years, score, parts, matched,
missing, explanation, evidence, flags }; explanation is the paragraph the app
shows, evidence maps each skill name to the resume line that proves it.

Exit codes: 0 done; 2 a wrong call, or a job file or --data folder that
cannot be used; 3 ranked and printed, but the reads could not be kept in
--data (a full disk, say): the store is as it was before the run.
`

interface Args {
  jobs: string[]
  inputs: string[]
  top: number
  json: boolean
  data: string | null
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv
  if (command !== 'screen') throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.')
  const args: Args = { jobs: [], inputs: [], top: 20, json: false, data: null }
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!
    if (arg === '--job') args.jobs.push(rest[++i] ?? '')
    else if (arg === '--top') args.top = Number(rest[++i])
    else if (arg === '--json') args.json = true
    else if (arg === '--data') args.data = rest[++i] ?? ''
    else if (arg === '--help' || arg === '-h') throw new UsageError('')
    else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}.`)
    // An empty argument (an unset shell variable, say) would resolve to the working folder and read all of it.
    else if (!arg.trim()) throw new UsageError('An empty path was given; name a folder or files of resumes.')
    else args.inputs.push(arg)
  }
  if (!args.jobs.length) throw new UsageError('--job is required.')
  if (args.jobs.some((job) => !job)) throw new UsageError('--job takes a file.')
  if (args.data === '') throw new UsageError('--data takes a folder.')
  if (!args.inputs.length) throw new UsageError('Give a folder or files of resumes.')
  if (!Number.isInteger(args.top) || args.top < 1) throw new UsageError('--top takes a whole number of at least 1.')
  return args
}

const clip = (text: string, width: number) =>
  text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`

const flagKinds = (flags: ScreenedCandidate['flags']) =>
  [...new Set(flags.map((f) => (f.kind === 'hidden_text' ? 'hidden text' : 'AI instruction')))].join(', ')

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function formatRanking(ranked: readonly ScreenedCandidate[], top: number): string[] {
  const rows = ranked.slice(0, top)
  const lines = [
    `${'#'.padStart(3)}  ${'Score'.padStart(5)}  ${clip('Name', 24)}  ${clip('Matched', 34)}  ${clip('Missing', 28)}  Flags`,
  ]
  rows.forEach((row, i) => {
    const flags = flagKinds(row.flags)
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
  const allFlags = report.rankings[0]?.ranked.flatMap((row) => row.flags) ?? []
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
  return lines.join('\n')
}

function formatJson(report: MultiScreenReport, jobs: readonly { job: MarkdownJob }[], top: number): string {
  const { refused, duplicates } = report
  const results = report.rankings.map(({ ranked }, i) => ({ job: jobs[i]!.job, ranked: ranked.slice(0, top) }))
  const output = results.length === 1 ? { ...results[0]!, refused, duplicates } : { results, refused, duplicates }
  return JSON.stringify(output, null, 2)
}

/** The readers these files will need, judged by name (a misnamed file still loads its reader when read). */
function readersFor(files: readonly SourceFile[]): WarmReader[] {
  return files.some((file) => file.name.toLowerCase().endsWith('.pdf')) ? ['pdf'] : []
}

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex')

async function main(argv: readonly string[]): Promise<number> {
  let args: Args
  try {
    args = parseArgs(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    if (error.message) process.stderr.write(`${error.message}\n\n`)
    process.stderr.write(USAGE)
    return error.message ? 2 : 0
  }
  const resourcesDir = process.env.PANELIST_RESOURCES_DIR ?? path.resolve(__dirname, '../../resources')
  const taxonomyFile = path.join(resourcesDir, 'skills.json')
  const files = await expandPaths(args.inputs.map((input) => path.resolve(input)))
  const loadingTaxonomy = loadTaxonomyFile(taxonomyFile)
  // Started before anything else, so the workers load their readers while this thread reads the
  // taxonomy and the jobs; no more workers than files, as each one compiles the whole reader.
  const parser = startReaderPool({
    taxonomy: loadingTaxonomy.then((taxonomy) => taxonomy.data),
    size: Math.min(os.availableParallelism(), Math.max(1, files.length)),
    warm: readersFor(files),
    codeCacheDir: codeCacheDirectory(),
  })
  let store: ScreenStore | undefined
  try {
    const taxonomy = await loadingTaxonomy
    const jobs: { file: string; job: MarkdownJob }[] = []
    for (const file of args.jobs) {
      const markdown = await fs.promises.readFile(file, 'utf8').catch(() => null)
      if (markdown === null) {
        process.stderr.write(`Cannot read the job file ${file}.\n`)
        return 2
      }
      jobs.push({ file, job: parseJobMarkdown(markdown, taxonomy) })
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
          ...job.requiredSkills.map((s) => s.name),
          ...job.preferredSkills.map((s) => `${s.name} (preferred)`),
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
    await parser.close()
  }
}

// This file is only ever an entry (tsx, out/main/cli.js, bin/panelist.cjs), so it runs on load.
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`panelist: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
