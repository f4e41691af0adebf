import { parentPort } from 'node:worker_threads'
import { createParseHandler } from './handler'
import type { ParseWorkerData } from './protocol'
import { serveParseRequests } from './serve'

/** The parse worker's body: the reader, serving the pool on this thread. */
export function runReaderThread({ warm, read }: ParseWorkerData, afterFirstRead?: () => void): void {
  serveParseRequests(parentPort, (taxonomy) => createParseHandler(taxonomy, read ?? true), warm, afterFirstRead)
}
