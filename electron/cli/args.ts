/** The command line's arguments: `panelist screen …`, read without loading anything else. */

export const USAGE = `Usage: panelist screen --job <job.md> [--job <job.md> …] <folder or files…>
                       [--top N] [--json] [--data DIR] [--accept-non-resumes]

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
  --accept-non-resumes
                 Rank the files refused as not a resume as well, each marked with
                 the reason it was refused (the app's "Import anyway"). Other
                 refusals (empty, too large, unreadable) stand.

JSON: with one --job, { job, ranked, refused, duplicates }; with several,
{ results: [{ job, ranked }, …] (in the order given), refused, duplicates }.
Each ranked candidate: { file, name, email, years, score, parts, matched,
missing, explanation, evidence, flags, notAResume }; explanation is the
paragraph the app shows, evidence maps each skill name to the resume line
that proves it, notAResume is null or why the file was judged not a resume
(ranked anyway with --accept-non-resumes).

Exit codes: 0 done; 2 a wrong call, or a job file or --data folder that
cannot be used; 3 ranked and printed, but the reads could not be kept in
--data (a full disk, say): the store is as it was before the run.
`

export interface Args {
  jobs: string[]
  inputs: string[]
  top: number
  json: boolean
  data: string | null
  acceptNonResumes: boolean
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv
  if (command !== 'screen') throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.')
  const args: Args = { jobs: [], inputs: [], top: 20, json: false, data: null, acceptNonResumes: false }
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!
    if (arg === '--job') args.jobs.push(rest[++i] ?? '')
    else if (arg === '--top') args.top = Number(rest[++i])
    else if (arg === '--json') args.json = true
    else if (arg === '--data') args.data = rest[++i] ?? ''
    else if (arg === '--accept-non-resumes') args.acceptNonResumes = true
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
