/** Why an attempt's signal fired, so errors can be told apart: our timeout, or the caller's cancel. */
export class DeadlineExceeded extends Error {
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms`)
    this.name = 'DeadlineExceeded'
  }
}

export interface AttemptDeadline {
  signal: AbortSignal
  timedOut(): boolean
  cancelledByCaller(): boolean
  /** Stops the countdown while the consumer, not the provider, is the one taking time. */
  pause(): void
  /** Restarts the countdown in full: streams time out on silence, not on total length. */
  resume(): void
  /** Aborts the attempt (the consumer stopped early); a no-op once it has already aborted. */
  abort(): void
  dispose(): void
}

/**
 * One attempt's signal: aborts when the caller's signal aborts or when the countdown of `timeoutMs`
 * runs out. The SDK call receives this signal, so either way the socket is closed.
 */
export function attemptDeadline(parent: AbortSignal | undefined, timeoutMs: number): AttemptDeadline {
  const controller = new AbortController()
  let timedOut = false
  let disposed = false
  const onParentAbort = () => controller.abort(parent!.reason)
  const expire = () => {
    timedOut = true
    controller.abort(new DeadlineExceeded(timeoutMs))
  }
  let timer: NodeJS.Timeout | undefined = setTimeout(expire, timeoutMs)
  if (parent?.aborted) onParentAbort()
  else parent?.addEventListener('abort', onParentAbort, { once: true })
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    cancelledByCaller: () => parent?.aborted === true && !timedOut,
    pause: () => {
      clearTimeout(timer)
      timer = undefined
    },
    resume: () => {
      if (controller.signal.aborted || disposed) return
      if (timer) timer.refresh()
      else timer = setTimeout(expire, timeoutMs)
    },
    abort: () => controller.abort(new Error('stopped by the consumer')),
    dispose: () => {
      disposed = true
      clearTimeout(timer)
      parent?.removeEventListener('abort', onParentAbort)
    },
  }
}
