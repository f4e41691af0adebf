/**
 * A parse worker for the pool tests: the real handler, except for three file names that stand for
 * the failures the pool must survive — a parser stuck in a loop that never yields, one that
 * allocates without end, and one that kills its thread.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createParseHandler } from '@core/screening/parse-pool/handler'
import type { ParseWorkerData } from '@core/screening/parse-pool/protocol'
import { serveParseRequests } from '@core/screening/parse-pool/serve'

const { warm } = workerData as ParseWorkerData

serveParseRequests(
  parentPort,
  (taxonomy) => {
    const real = createParseHandler(taxonomy)
    return {
      async handle(request) {
        if (request.fileName === 'hang.bin') {
          const until = Date.now() + 60_000
          while (Date.now() < until) {
            // Busy, never yielding to the event loop: only terminating the thread stops it.
          }
        }
        if (request.fileName === 'balloon.bin') {
          const held: number[][] = []
          for (;;) held.push(Array.from({ length: 100_000 }, (_, index) => index * Math.random()))
        }
        if (request.fileName === 'crash.bin') process.exit(3)
        return real.handle(request)
      },
    }
  },
  warm,
)
