import type { MessagePort } from 'node:worker_threads'
import type { ParseHandler } from './handler'
import type { ParseRequestMessage, WarmReader, WorkerMessage } from './protocol'

/** Answers parse requests on `port` one at a time, in order; says "ready" once the `warm` readers are loaded. */
export function serveParseRequests(port: MessagePort | null, handler: ParseHandler, warm: readonly WarmReader[]): void {
  if (!port) throw new Error('The parse worker must run in a worker thread.')
  const send = (message: WorkerMessage) => port.postMessage(message)
  // The pool hands over the next file before this one is done; it waits here for its turn.
  let reading = Promise.resolve()
  port.on('message', (request: ParseRequestMessage) => {
    reading = reading.then(async () => send({ type: 'result', id: request.id, result: await handler.handle(request) }))
  })
  void handler.warm(warm).then(() => send({ type: 'ready' }))
}
