import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { DEFAULT_EXTRACT_LIMITS, extractLimitsProblems } from '../extract/limits'
import type { TaxonomyTransfer } from '../taxonomy/build'
import type { ExtractLimits, RefusalReason } from '../types'
import type {
  ParseRequestMessage,
  ParseResult,
  ParseWorkerData,
  PoolMessage,
  ReadChoice,
  WarmReader,
  WorkerMessage,
} from './protocol'

export interface ParsePoolOptions {
  /**
   * The worker entry. The built app passes its bundled file (out/main/parse-worker.js); tests and
   * scripts pass the TypeScript source (parse-pool/worker.ts), which is loaded through tsx.
   */
  workerFile: string | URL
  /**
   * The taxonomy as the workers are sent it (Taxonomy.transfer). A promise lets the workers start
   * loading their readers before the caller has the taxonomy; if it rejects, every file waiting and
   * every later one is rejected with its error.
   */
  taxonomy: TaxonomyTransfer | Promise<TaxonomyTransfer>
  /** Worker threads; default one per core (os.availableParallelism()). */
  size?: number
  /** Heap cap per worker; a file that needs more ends that worker and is refused. Default 256 MB. */
  maxMemoryMb?: number
  /** How long past a file's own time cap a worker may stay silent before it is terminated. Default 2 s. */
  graceMs?: number
  /** "Present" for reading employment dates; default the current time. */
  now?: () => Date
  /**
   * Readers each worker loads before it is ready; default all. A caller that knows its files (the
   * CLI) names only theirs, so a run without PDFs does not load pdf.js.
   */
  warm?: readonly WarmReader[]
  /**
   * The workers only extract; each result holds the outcome alone, for the caller to read
   * (readExtracted). Default false: they read too.
   */
  extractOnly?: boolean
  /**
   * A folder where built workers keep V8's code cache, so that the next start does not compile the
   * reader and pdf.js again (see code-cache.ts). Used only if it is private to this user; default none.
   */
  codeCacheDir?: string
}

/** A file for parseAll: read only when a worker is about to take it, so memory stays bounded. */
export interface ParseSource {
  fileName: string
  read(): Promise<Uint8Array>
}

export interface ParsePoolStats {
  workers: number
  busy: number
  queued: number
  completed: number
  /** Workers terminated and replaced (time cap, memory cap or crash). */
  replaced: number
}

export interface ParsePool {
  readonly size: number
  /** Extracts and reads one file in a worker. Resolves with a refusal, never rejects, unless the pool is closed. */
  parse(bytes: Uint8Array, fileName: string, limits?: ExtractLimits, read?: ReadChoice): Promise<ParseResult>
  /**
   * Parses many files with at most `2 × size` of them read into memory at once, yielding each
   * result as it completes (not in input order).
   */
  parseAll<T extends ParseSource>(
    sources: Iterable<T> | AsyncIterable<T>,
    limits?: ExtractLimits,
  ): AsyncGenerator<{ source: T; result: ParseResult }>
  /** Resolves once every worker has loaded its parsers (useful before timing or starting a batch). */
  ready(): Promise<void>
  stats(): ParsePoolStats
  close(): Promise<void>
}

interface Task {
  id: number
  message: ParseRequestMessage
  resolve(result: ParseResult): void
  reject(error: Error): void
}

interface Slot {
  worker: Worker
  ready: boolean
  /** Sent to the worker, in order; it reads the first (its time cap runs) while the rest wait there. */
  tasks: Task[]
  timer: NodeJS.Timeout | null
  retired: boolean
}

const DEFAULT_MEMORY_MB = 256
const DEFAULT_GRACE_MS = 2_000
const MAX_START_FAILURES = 3
/**
 * Files handed to a worker ahead of the one it is reading, so that it starts the next one at once
 * instead of waiting for the main thread (busy committing an import, say) to answer its result.
 */
const FILES_PER_WORKER = 2
/** An extractOnly worker answers sooner while its caller reads each answer, so it is kept further ahead. */
const FILES_PER_EXTRACTING_WORKER = 4

const refusal = (reason: RefusalReason, message: string, workerId: number): ParseResult => ({
  outcome: { ok: false, refusal: { reason, message } },
  ms: 0,
  workerId,
})

/**
 * Parses resumes off the main thread in a pool of worker threads, one per core. Each worker has a
 * heap cap; each file has a time cap after which its worker is terminated and replaced, so one
 * hostile file costs one refusal and the batch goes on.
 */
export function createParsePool(options: ParsePoolOptions): ParsePool {
  const size = Math.max(1, options.size ?? os.availableParallelism())
  const memoryMb = options.maxMemoryMb ?? DEFAULT_MEMORY_MB
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS
  const workerPath = options.workerFile instanceof URL ? fileURLToPath(options.workerFile) : options.workerFile
  const workerData: ParseWorkerData = {
    warm: options.warm ?? ['pdf'],
    ...(options.extractOnly ? { read: false } : {}),
    ...(options.codeCacheDir ? { codeCacheDir: options.codeCacheDir } : {}),
  }
  const taxonomy = Promise.resolve(options.taxonomy)
  let taxonomyFailure: Error | null = null
  const queue: Task[] = []
  const slots: Slot[] = []
  let nextId = 1
  let completed = 0
  let replaced = 0
  let startFailures = 0
  let closed = false
  const readyWaiters: { resolve(): void; reject(error: Error): void }[] = []
  const allReady = () => slots.length > 0 && slots.every((slot) => slot.ready)

  const spawn = (): Slot => {
    const resourceLimits = {
      maxOldGenerationSizeMb: memoryMb,
      // Each file's garbage is short-lived; a small nursery is collected often and cheaply. 8 MB rather
      // than 32 took 50 MB off the CLI's peak on 1,000 files at no cost in time (one run each).
      maxYoungGenerationSizeMb: 8,
      stackSizeMb: 4,
    }
    // TypeScript sources (tests, scripts) go through tsx's hooks, for import() (the JSON Resume reader)
    // as well as require; the built app runs plain JS.
    const worker = workerPath.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); require('tsx/cjs'); require(${JSON.stringify(workerPath)}) })`,
          {
            eval: true,
            workerData,
            resourceLimits,
          },
        )
      : new Worker(workerPath, { workerData, resourceLimits })
    const slot: Slot = { worker, ready: false, tasks: [], timer: null, retired: false }
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        slot.ready = true
        startFailures = 0
        if (allReady()) for (const waiter of readyWaiters.splice(0)) waiter.resolve()
        dispatch()
      } else if (message.id === slot.tasks[0]?.id) {
        finish(slot, message.result)
      }
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      replace(
        slot,
        outOfMemory
          ? refusal(
              'too_large',
              `Reading the file needed more than ${memoryMb} MB of memory, so it was stopped.`,
              worker.threadId,
            )
          : refusal('corrupt', `The file made the reader fail: ${error.message}`, worker.threadId),
        error,
      )
    })
    worker.on('exit', () => {
      if (!slot.retired && !closed)
        replace(
          slot,
          refusal('corrupt', 'The reader stopped unexpectedly while reading the file.', worker.threadId),
          new Error('parse worker exited'),
        )
    })
    // A worker that only extracts is not sent the taxonomy: copying its index to the thread was about
    // 25 ms of the caller's start and more of the worker's, for nothing it uses.
    if (!options.extractOnly)
      void taxonomy.then(
        (transfer) => {
          if (!slot.retired) worker.postMessage({ type: 'taxonomy', taxonomy: transfer } satisfies PoolMessage)
        },
        () => undefined,
      )
    slots.push(slot)
    return slot
  }

  /** The time cap of the file a worker is reading; once it passes, the worker is ended. */
  const startTimer = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    const task = slot.tasks[0]
    if (!task) return
    slot.timer = setTimeout(() => {
      replace(
        slot,
        refusal(
          'timeout',
          `Reading the file took longer than ${Math.round(task.message.limits.maxMs / 1000)} s, so it was stopped.`,
          slot.worker.threadId,
        ),
        new Error('timeout'),
      )
    }, task.message.limits.maxMs + graceMs)
  }

  const finish = (slot: Slot, result: ParseResult) => {
    const task = slot.tasks.shift()
    if (!task) return
    startTimer(slot)
    completed++
    task.resolve(result)
    dispatch()
  }

  /** Ends a worker that hung, ran out of memory or crashed, answers its file, and starts a fresh one. */
  const replace = (slot: Slot, answer: ParseResult, cause: Error) => {
    if (slot.retired) return
    slot.retired = true
    if (slot.timer) clearTimeout(slot.timer)
    slots.splice(slots.indexOf(slot), 1)
    void slot.worker.terminate()
    const [task, ...waiting] = slot.tasks.splice(0)
    // Files that only waited behind the failing one go to another worker.
    queue.unshift(...waiting)
    if (task) {
      completed++
      task.resolve(answer)
    } else if (!slot.ready && ++startFailures >= MAX_START_FAILURES) {
      // The worker cannot even start (wrong entry file, broken build): fail loudly instead of looping.
      for (const task of queue.splice(0)) task.reject(new Error(`The parse worker could not start: ${cause.message}`))
      return
    }
    if (closed) return
    replaced++
    spawn()
    dispatch()
  }

  const filesPerWorker = options.extractOnly ? FILES_PER_EXTRACTING_WORKER : FILES_PER_WORKER
  const dispatch = () => {
    // Every worker gets its next file before any gets a second one.
    for (let depth = 1; depth <= filesPerWorker; depth++) {
      for (const slot of slots) {
        if (queue.length === 0) return
        if (!slot.ready || slot.retired || slot.tasks.length >= depth) continue
        const task = queue.shift()!
        slot.tasks.push(task)
        if (slot.tasks.length === 1) startTimer(slot)
        slot.worker.postMessage(task.message)
      }
    }
  }

  for (let index = 0; index < size; index++) spawn()
  taxonomy.catch((error: unknown) => {
    taxonomyFailure = new Error(
      `The parse workers have no taxonomy: ${(error as Error | null)?.message ?? String(error)}`,
    )
    for (const task of queue.splice(0)) task.reject(taxonomyFailure)
    for (const waiter of readyWaiters.splice(0)) waiter.reject(taxonomyFailure)
  })

  const parse = (
    bytes: Uint8Array,
    fileName: string,
    limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
    read: ReadChoice = {},
  ): Promise<ParseResult> => {
    if (closed) return Promise.reject(new Error('The parse pool is closed.'))
    if (taxonomyFailure) return Promise.reject(taxonomyFailure)
    const problems = extractLimitsProblems(limits)
    if (problems.length > 0) return Promise.reject(new Error(`Invalid extract limits: ${problems.join('; ')}`))
    return new Promise<ParseResult>((resolve, reject) => {
      const id = nextId++
      const now = (options.now?.() ?? new Date()).getTime()
      queue.push({
        id,
        resolve,
        reject,
        message: { type: 'parse', id, bytes, fileName: String(fileName), limits, now, ...read },
      })
      dispatch()
    })
  }

  async function* parseAll<T extends ParseSource>(sources: Iterable<T> | AsyncIterable<T>, limits?: ExtractLimits) {
    const maxInFlight = size * 2
    const inFlight = new Map<number, Promise<{ key: number; source: T; result: ParseResult }>>()
    let key = 0
    for await (const source of sources) {
      const current = key++
      const bytes = await source.read()
      inFlight.set(
        current,
        parse(bytes, source.fileName, limits).then((result) => ({ key: current, source, result })),
      )
      if (inFlight.size >= maxInFlight) {
        const done = await Promise.race(inFlight.values())
        inFlight.delete(done.key)
        yield { source: done.source, result: done.result }
      }
    }
    while (inFlight.size > 0) {
      const done = await Promise.race(inFlight.values())
      inFlight.delete(done.key)
      yield { source: done.source, result: done.result }
    }
  }

  return {
    size,
    parse,
    parseAll,
    ready: () => {
      if (taxonomyFailure) return Promise.reject(taxonomyFailure)
      if (allReady() || closed) return Promise.resolve()
      return new Promise<void>((resolve, reject) => readyWaiters.push({ resolve, reject }))
    },
    stats: () => ({
      workers: slots.length,
      busy: slots.filter((slot) => slot.tasks.length > 0).length,
      queued: queue.length,
      completed,
      replaced,
    }),
    async close() {
      closed = true
      for (const waiter of readyWaiters.splice(0)) waiter.resolve()
      for (const task of queue.splice(0)) task.reject(new Error('The parse pool is closed.'))
      const all = slots.splice(0)
      for (const slot of all) {
        slot.retired = true
        if (slot.timer) clearTimeout(slot.timer)
        for (const task of slot.tasks.splice(0)) task.reject(new Error('The parse pool is closed.'))
      }
      await Promise.all(all.map((slot) => slot.worker.terminate()))
    },
  }
}
