import type { ChatRequestBody, StubLatency, StubScript } from './types'

/** What the route handlers read from the stub's current state. */
export interface StubContext {
  latency(): StubLatency
  script(): StubScript
  /** The next scripted transcript, in turn. */
  nextTranscript(): string
  chatReply(body: ChatRequestBody, headers: Record<string, string>): string
}
