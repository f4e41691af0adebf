import type { MessagePort } from 'node:worker_threads'
import type { TaxonomyTransfer } from '../taxonomy/build'
import { warmReaders, type ParseHandler } from './handler'
import type { PoolMessage, WarmReader, WorkerMessage } from './protocol'

/**
 * Answers parse requests on `port` one at a time, in order. Loads the `warm` readers at once and, given
 * a way to build the handler from the taxonomy, builds it when the taxonomy arrives; says "ready" once
 * both are done (a handler given as it is: once the readers are loaded). `afterFirstRead` runs once,
 * when the first file is read and before its answer is sent (the code cache is saved then, before the
 * pool can end the thread).
 */
export function serveParseRequests(
  port: MessagePort | null,
  handlerFor: ParseHandler | ((taxonomy: TaxonomyTransfer) => ParseHandler),
  warm: readonly WarmReader[],
  afterFirstRead?: () => void,
): void {
  if (!port) throw new Error('The parse worker must run in a worker thread.')
  const send = (message: WorkerMessage) => port.postMessage(message)
  const warmed = warmReaders(warm)
  let handler: ParseHandler | null = typeof handlerFor === 'function' ? null : handlerFor
  if (handler) void warmed.then(() => send({ type: 'ready' }))
  // The pool hands over the next file before this one is done; it waits here for its turn.
  let reading = Promise.resolve()
  port.on('message', (message: PoolMessage) => {
    if (message.type === 'taxonomy') {
      if (typeof handlerFor !== 'function') return
      handler = handlerFor(message.taxonomy)
      void warmed.then(() => send({ type: 'ready' }))
      return
    }
    // The pool sends files only after "ready", which follows the taxonomy or the readers' loading.
    const ready = handler!
    reading = reading.then(async () => {
      const result = await ready.handle(message)
      if (afterFirstRead) {
        const once = afterFirstRead
        afterFirstRead = undefined
        once()
      }
      send({ type: 'result', id: message.id, result })
    })
  })
}
