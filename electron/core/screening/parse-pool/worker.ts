/**
 * The parse worker's entry, one per thread of the parse pool. For the built app it is its own
 * electron-vite entry (electron/core/screening/parse-pool/worker.ts → out/main/parse-worker.js).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createParseHandler } from './handler'
import type { ParseWorkerData } from './protocol'
import { serveParseRequests } from './serve'

const { taxonomy, warm } = workerData as ParseWorkerData
serveParseRequests(parentPort, createParseHandler(taxonomy), warm)
