import type { MessagePort } from 'node:worker_threads'
import type { ParseHandler } from './handler'
import type { ParseRequestMessage, WorkerMessage } from './protocol'

/** Answers parse requests on `port` one at a time; says "ready" once the parsers are loaded. */
export function serveParseRequests(port: MessagePort | null, handler: ParseHandler): void {
  if (!port) throw new Error('The parse worker must run in a worker thread.')
  const send = (message: WorkerMessage) => port.postMessage(message)
  port.on('message', (request: ParseRequestMessage) => {
    void handler.handle(request).then((result) => send({ type: 'result', id: request.id, result }))
  })
  void handler.warm().then(() => send({ type: 'ready' }))
}
