/**
 * The parse worker's entry when it runs from source (tests and scripts load it through tsx). The
 * build's entry is built-worker.ts, which adds the code cache.
 */
import { workerData } from 'node:worker_threads'
import type { ParseWorkerData } from './protocol'
import { runReaderThread } from './reader-thread'

runReaderThread(workerData as ParseWorkerData)
