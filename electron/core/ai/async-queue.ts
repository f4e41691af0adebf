/**
 * A buffered single-consumer channel: producers push from event callbacks, one consumer reads with
 * `for await`. Ending or failing wakes the consumer; `onReturn` runs when the consumer stops early.
 */
export interface AsyncQueue<T> extends AsyncIterable<T> {
  push(value: T): void
  end(): void
  fail(error: Error): void
  readonly closed: boolean
}

export function createAsyncQueue<T>(onReturn: () => void = () => {}): AsyncQueue<T> {
  const buffer: T[] = []
  let closed = false
  let failure: Error | undefined
  let waiting: { resolve: (r: IteratorResult<T>) => void; reject: (e: Error) => void } | undefined

  const wake = () => {
    if (!waiting) return
    const { resolve, reject } = waiting
    if (buffer.length) {
      waiting = undefined
      resolve({ value: buffer.shift()!, done: false })
    } else if (failure) {
      waiting = undefined
      reject(failure)
    } else if (closed) {
      waiting = undefined
      resolve({ value: undefined, done: true })
    }
  }

  return {
    push(value) {
      if (closed) return
      buffer.push(value)
      wake()
    },
    end() {
      closed = true
      wake()
    },
    fail(error) {
      if (closed) return
      failure = error
      closed = true
      wake()
    },
    get closed() {
      return closed
    },
    [Symbol.asyncIterator]() {
      return {
        next: () =>
          new Promise<IteratorResult<T>>((resolve, reject) => {
            waiting = { resolve, reject }
            wake()
          }),
        return: async () => {
          closed = true
          buffer.length = 0
          onReturn()
          return { value: undefined, done: true }
        },
      }
    },
  }
}

/** Reads a fetch body chunk by chunk; stopping early cancels the body, which closes the socket. */
export async function* readBody(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined> {
  const reader = body.getReader()
  let finished = false
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) {
        finished = true
        return
      }
      if (value.byteLength) yield value
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined)
    reader.releaseLock()
  }
}
