import { RefusalError } from './limits'

/**
 * The time cap for one file. Readers call `check()` between steps and wrap library calls in
 * `race()`, so a slow document ends with a "timeout" refusal instead of holding the worker. Work
 * that never yields is the parse pool's job: it terminates the worker.
 */
export class Deadline {
  private readonly endsAt: number

  constructor(private readonly maxMs: number) {
    this.endsAt = performance.now() + maxMs
  }

  get expired() {
    return performance.now() >= this.endsAt
  }

  check() {
    if (this.expired) throw this.error()
  }

  async race<T>(work: Promise<T>): Promise<T> {
    // If time runs out first, the abandoned work may still fail later (e.g. "transport destroyed"
    // once the document is closed); that failure is expected and must not surface as unhandled.
    work.catch(() => undefined)
    this.check()
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.error()), Math.max(0, this.endsAt - performance.now()))
    })
    try {
      return await Promise.race([work, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  private error() {
    return new RefusalError(
      'timeout',
      `Reading the file took longer than ${Math.round(this.maxMs / 1000)} s, so it was stopped.`,
    )
  }
}
