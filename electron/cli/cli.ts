/**
 * The command line: `panelist screen --job job.md <folder or files…> [--top 20] [--json]`.
 * Reads every resume with the studio's worker pool, ranks them against the job with the studio's
 * scoring, and prints a table (or JSON). Offline, and nothing is stored.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseJobMarkdown } from '../core/screening/jobs/job-markdown'
import { poolParser } from '../core/screening/intake/pool-parser'
import { screenFiles, type ScreenedCandidate, type ScreenReport } from '../core/screening/intake/screen-offline'
import { expandPaths } from '../core/screening/intake/sources'
import { loadTaxonomyFile } from '../core/screening/taxonomy'

const USAGE = `Usage: panelist screen --job <job.md> <folder or files…> [--top N] [--json]

  --job <file>   The job as Markdown: a title line, the description, and optionally
                 "Required: a, b, c" / "Preferred: d, e" lists, "Minimum years: 5",
                 "Education: bachelor". Without a Required list, skills are suggested
                 from the description.
  --top <N>      How many candidates to show (default 20).
  --json         Print the full result as JSON instead of a table.
`

interface Args {
  job: string
  inputs: string[]
  top: number
  json: boolean
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv
  if (command !== 'screen') throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.')
  const args: Args = { job: '', inputs: [], top: 20, json: false }
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!
    if (arg === '--job') args.job = rest[++i] ?? ''
    else if (arg === '--top') args.top = Number(rest[++i])
    else if (arg === '--json') args.json = true
    else if (arg === '--help' || arg === '-h') throw new UsageError('')
    else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}.`)
    else args.inputs.push(arg)
  }
  if (!args.job) throw new UsageError('--job is required.')
  if (!args.inputs.length) throw new UsageError('Give a folder or files of resumes.')
  if (!Number.isInteger(args.top) || args.top < 1) throw new UsageError('--top takes a whole number of at least 1.')
  return args
}

const clip = (text: string, width: number) =>
  text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`

const flagKinds = (flags: ScreenedCandidate['flags']) =>
  [...new Set(flags.map((f) => (f.kind === 'hidden_text' ? 'hidden text' : 'AI instruction')))].join(', ')

function formatTable(report: ScreenReport, top: number): string {
  const rows = report.ranked.slice(0, top)
  const lines = [
    `${'#'.padStart(3)}  ${'Score'.padStart(5)}  ${clip('Name', 24)}  ${clip('Matched', 34)}  ${clip('Missing', 28)}  Flags`,
  ]
  rows.forEach((row, i) => {
    const flags = flagKinds(row.flags)
    lines.push(
      `${String(i + 1).padStart(3)}  ${row.score.toFixed(1).padStart(5)}  ${clip(row.name, 24)}  ${clip(row.matched.join(', '), 34)}  ${clip(row.missing.join(', '), 28)}  ${flags}`,
    )
  })
  const more = report.ranked.length - rows.length
  lines.push(
    '',
    `${report.ranked.length} candidate${report.ranked.length === 1 ? '' : 's'} ranked${more > 0 ? ` (${more} not shown)` : ''}.`,
  )
  if (report.duplicates.length)
    lines.push(
      `${report.duplicates.length} duplicate${report.duplicates.length === 1 ? '' : 's'} folded in:`,
      ...report.duplicates.map((d) => {
        const flags = flagKinds(report.ranked.flatMap((row) => row.flags).filter((flag) => flag.file === d.file))
        return `  ${path.basename(d.file)}: ${d.reason.replace('_', ' ')} as ${path.basename(d.of)}${flags ? ` (flagged: ${flags})` : ''}`
      }),
    )
  if (report.refused.length)
    lines.push(
      `${report.refused.length} file${report.refused.length === 1 ? '' : 's'} refused:`,
      ...report.refused.map((r) => `  ${path.basename(r.file)}: ${r.reason} — ${r.message}`),
    )
  return lines.join('\n')
}

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
  const taxonomy = await loadTaxonomyFile(path.join(resourcesDir, 'skills.json'))
  const markdown = await fs.promises.readFile(args.job, 'utf8').catch(() => null)
  if (markdown === null) {
    process.stderr.write(`Cannot read the job file ${args.job}.\n`)
    return 2
  }
  const job = parseJobMarkdown(markdown, taxonomy)
  const files = await expandPaths(args.inputs.map((input) => path.resolve(input)))
  const parser = poolParser({ taxonomy: taxonomy.data })
  const interactive = process.stderr.isTTY && !args.json
  try {
    if (!args.json) {
      const skills = [
        ...job.requiredSkills.map((s) => s.name),
        ...job.preferredSkills.map((s) => `${s.name} (preferred)`),
      ].join(', ')
      process.stderr.write(
        `${job.title}: ${skills || 'no skills found'}${job.minYears ? `; ${job.minYears}+ years` : ''}\nReading ${files.length} file${files.length === 1 ? '' : 's'}…\n`,
      )
    }
    const report = await screenFiles(files, job, parser, (done, total) => {
      if (interactive) process.stderr.write(`\r${done} of ${total}`)
    })
    if (interactive) process.stderr.write('\n')
    process.stdout.write(
      args.json
        ? `${JSON.stringify({ job, ...report, ranked: report.ranked.slice(0, args.top) }, null, 2)}\n`
        : `${formatTable(report, args.top)}\n`,
    )
    return 0
  } finally {
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
