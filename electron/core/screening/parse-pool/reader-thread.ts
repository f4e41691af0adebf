import { parentPort } from 'node:worker_threads'
import { createParseHandler } from './handler'
import type { ParseWorkerData } from './protocol'
import { serveParseRequests } from './serve'

/** The parse worker's body: the reader, serving the pool on this thread. */
export function runReaderThread({ warm, read }: ParseWorkerData, afterFirstRead?: () => void): void {
  // A worker that only extracts needs no taxonomy, so it is ready as soon as its readers are loaded.
  const handler = read === false ? createParseHandler(null) : createParseHandler
  serveParseRequests(parentPort, handler, warm, afterFirstRead)
}
