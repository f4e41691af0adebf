/**
 * Runs one session's operations one at a time, so a double-clicked answer or a repeat arriving
 * while an answer is being decided cannot interleave. Different sessions never wait for each other.
 */
export function createSessionLock() {
  const tails = new Map<string, Promise<unknown>>()
  return async function withSession<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const before = tails.get(sessionId) ?? Promise.resolve()
    const run = before.then(work)
    const tail = run.catch(() => undefined)
    tails.set(sessionId, tail)
    try {
      return await run
    } finally {
      if (tails.get(sessionId) === tail) tails.delete(sessionId)
    }
  }
}
