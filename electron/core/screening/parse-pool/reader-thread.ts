import { parentPort } from 'node:worker_threads'
import { createParseHandler } from './handler'
import type { WarmReader } from './protocol'
import { serveParseRequests } from './serve'

/** The parse worker's body: the reader, serving the pool on this thread. */
export function runReaderThread(warm: readonly WarmReader[], afterFirstRead?: () => void): void {
  serveParseRequests(parentPort, createParseHandler, warm, afterFirstRead)
}
