/**
 * Screening throughput, end to end, against raw text extraction of the same files in the same run.
 *   1. generates N realistic resumes (half PDF, half DOCX) into a temp folder (not timed);
 *   2. raw text extraction (pdf.js getTextContent, mammoth's raw text) and the studio's own
 *      extractDocument, each alone on every file, on as many worker threads as the pool uses;
 *   3. the parse pool alone (extract + read on the pool's workers, nothing stored), and the pipeline:
 *      a real studio imports the folder into a job through the queue (worker pool, hashing,
 *      de-duplication, storage, SQLite) and ranks it;
 *   4. re-ranking 10,000 stored candidates after a job edit (cold: first edit; warm: later edits);
 *   5. the whole `panelist screen` against a naive peer on the same folder and job, each a process
 *      of its own under /usr/bin/time (wall, user + system CPU with children, peak RSS): the peer is
 *      bench/naive_peer.py, pdftotext (poppler, one process per PDF) + python-docx, two worker
 *      processes, then a plain BM25. Without pdftotext, python-docx or /usr/bin/time it says so and skips.
 * Steps 2 and 3 repeat for several rounds; ratios are taken within a round. Prints figures; no thresholds. Run: npx tsx bench/screening.ts [N=1000] [rerankPool=10000] [rounds=3]
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import type { IntakeBatchView, JobOpeningView, RerankSummary } from '@shared/contract/screening'
import { poolParser } from '@core/screening/intake/pool-parser'
import type { ResumeParser } from '@core/screening/intake/resume-parser'
import { loadTaxonomyFile } from '@core/screening/taxonomy'
import type { Studio } from '@core/studio'
import { createTempStudio, tempDir } from '../tests/helpers/temp-studio'
import { FIXTURE_JOBS } from '../tests/fixtures/resumes'
import { growPool, writeResumeFolder } from './screening-fixtures'
import { pythonCommand } from './python'
import { median } from './stats'

const count = Number(process.argv[2] ?? 1000)
const rerankPool = Number(process.argv[3] ?? 10_000)
const rounds = Number(process.argv[4] ?? 3)
const threads = os.availableParallelism()

async function call<T>(studio: Studio, name: string, input: unknown): Promise<T> {
  const result = await studio.dispatch(name, input, { audience: 'recruiter' })
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

interface Timing {
  wallMs: number
  /** CPU time of this whole process (every thread), which other load on the machine barely moves. */
  cpuMs: number
}

async function timed(run: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage()
  const started = performance.now()
  await run()
  const used = process.cpuUsage(cpu)
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }
}

/**
 * Text extraction alone, spread over `threads` worker threads as the pool spreads parsing:
 * 'bare' is pdf.js getTextContent and mammoth's raw text (the narrowest meaning of raw text
 * extraction); 'extract' is the studio's extractDocument (hidden-text and hostile-input checks).
 */
async function rawExtraction(files: string[], mode: 'bare' | 'extract'): Promise<Timing> {
  const extractModule = path.resolve(__dirname, '../electron/core/screening/extract/index.ts')
  const pdfjsModule = path.resolve(__dirname, '../electron/core/screening/extract/pdf/pdfjs.ts')
  const code = `
    require('tsx/cjs')
    const fs = require('node:fs')
    const { parentPort, workerData } = require('node:worker_threads')
    const { extractDocument } = require(${JSON.stringify(extractModule)})
    const { loadPdfJs } = require(${JSON.stringify(pdfjsModule)})
    const mammoth = require('mammoth')
    async function bare(file) {
      const bytes = fs.readFileSync(file)
      if (file.endsWith('.docx')) return (await mammoth.extractRawText({ buffer: bytes })).value
      const pdfjs = await loadPdfJs()
      const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 })
      const pdf = await task.promise
      let text = ''
      for (let page = 1; page <= pdf.numPages; page++) text += (await (await pdf.getPage(page)).getTextContent()).items.map((i) => i.str ?? '').join(' ')
      await task.destroy()
      return text
    }
    const extract = async (file) => extractDocument(fs.readFileSync(file), file)
    const run = workerData.mode === 'bare' ? bare : extract
    ;(async () => {
      for (const file of workerData.files.slice(0, 20)) await run(file)
      parentPort.postMessage('ready')
      await new Promise((resolve) => parentPort.once('message', resolve))
      for (const file of workerData.files) await run(file)
      parentPort.postMessage('done')
    })()`
  const shares = Array.from({ length: threads }, (_, t) => files.filter((_, i) => i % threads === t))
  const workers = shares.map((share) => new Worker(code, { eval: true, workerData: { files: share, mode } }))
  // Timing starts once every worker has loaded its parsers and warmed up on a few files, as the pool's workers have.
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))))
  const timing = await timed(async () => {
    const done = workers.map((w) => new Promise((resolve) => w.once('message', resolve)))
    workers.forEach((w) => w.postMessage('go'))
    await Promise.all(done)
  })
  await Promise.all(workers.map((w) => w.terminate()))
  return timing
}

/** The worker pool reading every file (extract + read) with nothing stored: the pipeline's parsing share. */
async function poolAlone(parser: ResumeParser, files: string[]): Promise<Timing> {
  let next = 0
  return timed(() =>
    Promise.all(
      Array.from({ length: parser.concurrency * 4 }, async () => {
        while (next < files.length) {
          const file = files[next++]!
          await parser.parse(await fs.promises.readFile(file), path.basename(file))
        }
      }),
    ),
  )
}

/** One import of the folder into a job on a fresh studio (fresh database), timed from request to ranked. */
async function pipeline(
  parser: ResumeParser,
  folder: string,
): Promise<
  Timing & { batch: IntakeBatchView; studio: Studio; dataDir: string; rssMb: { before: number; peak: number } }
> {
  // The queue's production polling interval, not the tests' fast one.
  const { studio, dataDir, pick } = await createTempStudio({ resumeParser: parser, queueOptions: { pollMs: 250 } })
  await pick([folder])
  const fixture = FIXTURE_JOBS[0]!
  const job = await call<JobOpeningView>(studio, 'jobs.create', {
    title: fixture.title,
    description: fixture.description,
    requiredSkills: fixture.requiredSkills.map((skillId) => ({ skillId, name: skillId, weight: 3 })),
    preferredSkills: fixture.preferredSkills.map((skillId) => ({ skillId, name: skillId, weight: 1 })),
    minYears: fixture.minYears,
  })
  let batch: IntakeBatchView | undefined
  // The whole process's resident memory (main thread and parse workers), sampled while it imports.
  const mb = () => process.memoryUsage.rss() / 1024 / 1024
  const rssMb = { before: mb(), peak: 0 }
  const sampler = setInterval(() => (rssMb.peak = Math.max(rssMb.peak, mb())), 50)
  const timing = await timed(async () => {
    batch = await waitFor(
      studio,
      (await call<IntakeBatchView>(studio, 'intake.importPaths', { jobId: job.id, paths: [folder] })).id,
    )
  })
  clearInterval(sampler)
  return { ...timing, batch: batch!, studio, dataDir, rssMb }
}

function waitFor(studio: Studio, batchId: string): Promise<IntakeBatchView> {
  return new Promise((resolve) => {
    const off = studio.events.subscribe((name, payload) => {
      const view = payload as IntakeBatchView
      if (name === 'intake.progress' && view.id === batchId && view.status === 'done') {
        off()
        resolve(view)
      }
    })
  })
}

interface ProcessRun {
  wallMs: number
  cpuMs: number
  peakRssMb: number
}

/** Runs a command under GNU time: wall, user + system CPU (its children included), peak RSS of its largest process. */
function timeProcess(command: string, args: string[]): ProcessRun {
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', command, ...args], {
    cwd: path.resolve(__dirname, '..'),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  const line = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(result.stderr)
  if (result.status !== 0 || !line) throw new Error(`${command} ${args.join(' ')}: ${result.stderr.slice(-2000)}`)
  const [, wall, user, system, rssKb] = line.map(Number) as [number, number, number, number, number]
  return { wallMs: wall * 1000, cpuMs: (user + system) * 1000, peakRssMb: rssKb / 1024 }
}

/**
 * `panelist screen` (the built CLI if `npm run build` made one, else its source through tsx)
 * against the naive peer, alternating, `rounds` times each; prints the medians and their ratios.
 */
function cliAgainstNaivePeer(folder: string, fileCount: number) {
  const python = pythonCommand()
  if (
    spawnSync('pdftotext', ['-v']).error ||
    !fs.existsSync('/usr/bin/time') ||
    spawnSync(python, ['-c', 'import docx']).status !== 0
  ) {
    console.log(
      `whole CLI against a naive peer: skipped (needs pdftotext from poppler-utils, GNU /usr/bin/time and python-docx for ${python}: apt-get install poppler-utils time python3-docx)\n`,
    )
    return
  }
  const fixture = FIXTURE_JOBS[0]!
  const jobFile = path.join(tempDir('panelist-bench-job-'), 'job.md')
  fs.writeFileSync(jobFile, `# ${fixture.title}\n\n${fixture.description}\n`)
  const built = process.env.PANELIST_CLI ?? path.resolve(__dirname, '../out/main/cli.js')
  const cli = fs.existsSync(built)
    ? {
        label: `built CLI (${path.relative(process.cwd(), built).startsWith('..') ? built : path.relative(process.cwd(), built)})`,
        args: [built],
      }
    : {
        label: 'CLI source through tsx (no build found)',
        args: ['--import', 'tsx', path.resolve(__dirname, '../electron/cli/cli.ts')],
      }
  const screen = () =>
    timeProcess(process.execPath, [...cli.args, 'screen', '--job', jobFile, folder, '--json', '--top', '20'])
  const peer = () => timeProcess(python, [path.resolve(__dirname, 'naive_peer.py'), folder, jobFile])
  screen() // warm the page cache for both
  peer()
  const ours: ProcessRun[] = []
  const theirs: ProcessRun[] = []
  for (let round = 0; round < Math.max(1, rounds); round++) {
    if (round % 2 === 0) {
      ours.push(screen())
      theirs.push(peer())
    } else {
      theirs.push(peer())
      ours.push(screen())
    }
  }
  const med = (runs: ProcessRun[], key: keyof ProcessRun) => median(runs.map((run) => run[key]))
  const show = (label: string, runs: ProcessRun[]) =>
    console.log(
      `  ${label.padEnd(58)} ${fmt(med(runs, 'wallMs')).padStart(8)} wall ${fmt(med(runs, 'cpuMs')).padStart(8)} CPU ${Math.round(med(runs, 'peakRssMb')).toString().padStart(5)} MiB peak RSS`,
    )
  console.log(`whole CLI on ${fileCount} files, one job, median of ${ours.length} runs each:`)
  show(`panelist screen, ${cli.label}`, ours)
  show('naive peer: pdftotext + python-docx + plain BM25 (bench/naive_peer.py)', theirs)
  const ratio = (key: keyof ProcessRun) => (med(ours, key) / med(theirs, key)).toFixed(2)
  console.log(
    `  panelist screen / naive peer: wall ${ratio('wallMs')}x, CPU ${ratio('cpuMs')}x, peak RSS ${ratio('peakRssMb')}x   (target <= 1.0x wall and CPU, peak <= 100 MiB)`,
  )
  // Fixed cost: the same command on a folder of one resume (start-up, the worker pool's start, one read).
  const one = tempDir('panelist-bench-one-')
  const first = fs.readdirSync(folder).sort()[0]!
  fs.copyFileSync(path.join(folder, first), path.join(one, first))
  const single = [0, 1, 2].map(() =>
    timeProcess(process.execPath, [...cli.args, 'screen', '--job', jobFile, one, '--json']),
  )
  console.log(
    `  panelist screen on one file (start-up): ${fmt(med(single, 'wallMs'))} wall, ${fmt(med(single, 'cpuMs'))} CPU, ${Math.round(med(single, 'peakRssMb'))} MiB (target <= 0.5 s)\n`,
  )
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function main() {
  const folder = tempDir('panelist-bench-resumes-')
  let started = performance.now()
  const files = await writeResumeFolder(folder, count)
  console.log(
    `generated ${files.length} resumes (${files.filter((f) => f.endsWith('.pdf')).length} PDF, ${files.filter((f) => f.endsWith('.docx')).length} DOCX) in ${fmt(performance.now() - started)} (not timed below)`,
  )
  console.log(`machine: ${threads} cores, Node ${process.version}`)

  const perSecond = (t: Timing) => `${(files.length / (t.wallMs / 1000)).toFixed(1)} resumes/s`
  const line = (label: string, t: Timing) =>
    console.log(
      `${label.padEnd(60)} ${fmt(t.wallMs).padStart(8)} wall  ${fmt(t.cpuMs).padStart(8)} CPU  ${perSecond(t)}`,
    )
  const taxonomy = await loadTaxonomyFile(path.resolve(__dirname, '../resources/skills.json'))
  // One pool for every round, warmed on a few files, as a running studio's pool is.
  const parser = poolParser({ taxonomy: taxonomy.transfer, size: threads })
  for (const file of files.slice(0, 20)) await parser.parse(fs.readFileSync(file), path.basename(file))

  type PipelineRun = Awaited<ReturnType<typeof pipeline>>
  const measure = {
    bare: () => rawExtraction(files, 'bare'),
    extract: () => rawExtraction(files, 'extract'),
    pool: () => poolAlone(parser, files),
    pipeline: () => pipeline(parser, folder),
  }
  type Kind = keyof typeof measure
  const kinds = Object.keys(measure) as Kind[]
  const runs = { bare: [] as Timing[], extract: [] as Timing[], pool: [] as Timing[], pipeline: [] as PipelineRun[] }
  // Other load on the machine comes and goes, so every round measures all four, each round in a
  // different order; ratios are taken within a round, and their median is the figure.
  for (let round = 0; round < rounds; round++) {
    for (const kind of [...kinds.slice(round % kinds.length), ...kinds.slice(0, round % kinds.length)])
      (runs[kind] as Timing[]).push(await measure[kind]())
    console.log(
      `round ${round + 1}: raw text ${fmt(runs.bare[round]!.wallMs)}, extractDocument ${fmt(runs.extract[round]!.wallMs)}, ` +
        `parse pool ${fmt(runs.pool[round]!.wallMs)}, pipeline ${fmt(runs.pipeline[round]!.wallMs)}`,
    )
  }
  const fastest = <T extends Timing>(list: T[]) => list.reduce((a, b) => (b.wallMs < a.wallMs ? b : a))
  const run = fastest(runs.pipeline)
  for (const other of runs.pipeline) if (other !== run) await other.studio.close()
  let studio = run.studio
  console.log(`
best of ${rounds} rounds:`)
  line(`raw text, pdf.js getTextContent / mammoth (${threads} threads)`, fastest(runs.bare))
  line(`extractDocument alone, hostile-input checks (${threads} threads)`, fastest(runs.extract))
  line(`parse pool alone: extract + read, ${threads} workers, no storage`, fastest(runs.pool))
  line(`import + rank: queue, pool of ${threads} (extract + read), dedupe, store`, run)
  console.log(
    `  (${run.batch.imported} imported, ${run.batch.duplicates} duplicates (same email), ${run.batch.refused} refused)`,
  )
  const growth = Math.max(...runs.pipeline.map((r) => r.rssMb.peak - r.rssMb.before))
  console.log(
    `  memory: importing raised the process's resident memory (main thread and parse workers) by at most ${Math.round(growth)} MB`,
  )
  const ratio = (of: Kind, to: Kind) => {
    const per = (key: keyof Timing) => runs[of].map((t, i) => t[key] / runs[to][i]![key])
    const show = (values: number[]) => `${median(values).toFixed(2)}x (${values.map((v) => v.toFixed(2)).join(', ')})`
    return `wall ${show(per('wallMs'))}, CPU ${show(per('cpuMs'))}`
  }
  console.log(`median of the rounds' ratios (each round's in brackets):`)
  console.log(`  pipeline / raw text:        ${ratio('pipeline', 'bare')}   (target <= 1.5x)`)
  console.log(`  pipeline / extractDocument: ${ratio('pipeline', 'extract')}   (beyond our own extraction)`)
  console.log(
    `  pipeline / parse pool:      ${ratio('pipeline', 'pool')}   (what intake adds beyond reading the files)`,
  )
  console.log(`  target: 1,000 resumes imported and ranked in <= 60 s on 2 cores`)
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  )
  cliAgainstNaivePeer(folder, files.length)
  const fixture = FIXTURE_JOBS[0]!

  const bigJob = await call<JobOpeningView>(studio, 'jobs.create', {
    title: 'Re-rank bench',
    description: fixture.description,
    minYears: fixture.minYears,
  })
  started = performance.now()
  await growPool(studio, bigJob.id, rerankPool)
  console.log(
    `stored ${rerankPool} candidates for the re-rank job in ${fmt(performance.now() - started)} (not timed below)`,
  )
  const edit = async (i: number) => {
    const t = performance.now()
    const { rerank } = await call<{ rerank: RerankSummary }>(studio, 'jobs.update', {
      id: bigJob.id,
      patch: {
        description: `${fixture.description}\nEdit ${i}: Python, Go and Kubernetes on AWS.`,
        requiredSkills: fixture.requiredSkills
          .slice(0, 3 + (i % 3))
          .map((skillId) => ({ skillId, name: skillId, weight: 3 })),
        minYears: 2 + (i % 8),
      },
    })
    if (rerank.candidates !== rerankPool) throw new Error(`re-ranked ${rerank.candidates}, expected ${rerankPool}`)
    return performance.now() - t
  }
  const cold = await edit(0)
  const warm: number[] = []
  for (let i = 1; i < 6; i++) warm.push(await edit(i))
  warm.sort((a, b) => a - b)
  // After a restart, the recruiter opens the job's list, then edits: the list warms the pool in the background.
  await studio.close()
  ;({ studio } = await createTempStudio({ dataDir: run.dataDir, resumeParser: parser, queueOptions: { pollMs: 250 } }))
  await call(studio, 'candidates.list', { jobId: bigJob.id, limit: 100 })
  const afterList = await edit(6)
  console.log(
    `re-rank ${rerankPool} candidates after a job edit (request to ranked and stored; target <= 300 ms):\n` +
      `  first edit with nothing loaded: ${cold.toFixed(0)} ms; later edits: median ${warm[Math.floor(warm.length / 2)]!.toFixed(0)} ms, ` +
      `max ${warm.at(-1)!.toFixed(0)} ms; first edit after a restart, right after opening the job's list: ${afterList.toFixed(0)} ms`,
  )
  started = performance.now()
  await call(studio, 'candidates.list', { jobId: bigJob.id, limit: 100 })
  console.log(`first page of the ranked list of ${rerankPool}: ${(performance.now() - started).toFixed(0)} ms`)
  await studio.close()
  await parser.close()
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
