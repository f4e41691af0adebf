/**
 * The command line: `panelist screen --job job.md [--job other.md …] <folder or files…> [--top 20]
 * [--json] [--data DIR]`. Reads every resume once with the studio's worker pool, ranks them against
 * each job with the studio's scoring, and prints a table (or JSON) with the app's explanation. Offline;
 * nothing is stored unless --data names a folder to keep the reads in for the next run.
 *
 * This entry loads only what it needs to start the parse workers: a worker's start (the thread, the
 * reader's code, pdf.js) is the longest part of a small run, so it begins before the rest of the
 * command (screen-command.ts: the contract's schemas, SQLite, scoring) loads on this thread.
 */
import os from 'node:os'
import path from 'node:path'
import { expandPaths, type SourceFile } from '../core/screening/intake/sources'
import type { WarmReader } from '../core/screening/parse-pool/protocol'
import { parseArgs, UsageError, USAGE, type Args } from './args'
import { codeCacheDirectory, startReaderPool } from './reader-pool'

/** The readers these files will need, judged by name (a misnamed file still loads its reader when read). */
function readersFor(files: readonly SourceFile[]): WarmReader[] {
  return files.some((file) => file.name.toLowerCase().endsWith('.pdf')) ? ['pdf'] : []
}

/**
 * One core is left to this thread, which reads, hashes and ranks every file, and no more workers
 * than files, as each one loads the whole reader (about 0.4 s of CPU and 40 MiB). On two cores one
 * worker finished 20 to 300 files sooner than two (1,000 files: 6% later, with 20% less CPU and
 * 43 MiB less memory).
 */
const workersFor = (files: number) => Math.max(1, Math.min(os.availableParallelism() - 1, files))

/**
 * With a core to spare, this thread reads what the workers extract, whatever the number of files: on
 * a 1,000-file run it waited on its one worker about 80% of the time, while the worker was busy
 * throughout, half of it reading. On a few files the worker then loads no reading code of its own,
 * and the reading starts here while the worker is still loading pdf.js: 5 files took 0.31 s instead
 * of 0.33, 20 files 0.38 s instead of 0.42, one file the same time with 3 MiB less.
 */
const readsHere = () => os.availableParallelism() > 1

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
  // import() loads after this synchronous block, so the workers below are started first. The workers
  // need the taxonomy before they can read: it is read, checked and indexed next, while they load
  // their readers, and sent to them before the rest of the command loads on this thread.
  const taxonomy = import('../core/screening/taxonomy/remembered').then(({ loadTaxonomyFileRemembered }) =>
    loadTaxonomyFileRemembered(taxonomyFile, codeCacheDirectory(process.env, 'taxonomy')),
  )
  const parser = startReaderPool({
    taxonomy: taxonomy.then(({ transfer }) => transfer),
    size: workersFor(files.length),
    warm: readersFor(files),
    codeCacheDir: codeCacheDirectory(),
    ...(readsHere() ? { readHere: taxonomy } : {}),
  })
  const command = taxonomy.then(() => import('./screen-command'))
  // The pool is not closed: the process ends when the output is out (see exitWhenFlushed).
  const { runScreen } = await command
  return runScreen({ args, files, parser, taxonomy, taxonomyFile })
}

/**
 * Ends the process once what it wrote has been handed to the system. Closing the parse workers
 * first (each thread's heap torn down) added 30 to 50 ms to every run and gave the user nothing;
 * the system reclaims them at exit. --data's database is closed before this, by runScreen.
 */
function exitWhenFlushed(code: number): void {
  let open = 2
  const flushed = () => {
    if (--open === 0) process.exit(code)
  }
  process.stdout.write('', flushed)
  process.stderr.write('', flushed)
}

// A reader that stops reading early (`panelist screen … | head`) is not an error of this command.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(process.exitCode ?? 0)
})

// This file is only ever an entry (tsx, out/main/cli.js, bin/panelist.cjs), so it runs on load.
main(process.argv.slice(2)).then(exitWhenFlushed, (error: unknown) => {
  process.stderr.write(`panelist: ${error instanceof Error ? error.message : String(error)}\n`)
  exitWhenFlushed(1)
})
