/** Which endpoint a request hit; faults and the request log are keyed by it. */
export type StubRoute = 'chat' | 'embeddings' | 'transcriptions' | 'speech' | 'listen' | 'listen-live' | 'speak'

export interface StubLatency {
  /** Chat: from the request to the first content token (headers go out at once, like the real API). */
  firstTokenMs: number
  /** Chat: between tokens. */
  tokenIntervalMs: number
  /** Unstreamed answers (plain chat, embeddings, transcriptions, Deepgram listen). */
  responseMs: number
  /** Speech (OpenAI and Deepgram): from the request to the first audio byte. */
  firstAudioByteMs: number
  /** Speech: between 100 ms audio chunks (0 sends them as fast as the socket takes them). */
  audioChunkIntervalMs: number
  /**
   * Live listen: from the end of speech (last voiced audio) to the final result. The stub needs
   * `endpointing` ms of silence to notice the end, so the final comes at max(endpointing, this).
   */
  sttFinalDelayMs: number
  /** Live listen: an interim result per this much speech audio. */
  interimEveryMs: number
}

export const DEFAULT_LATENCY: StubLatency = {
  firstTokenMs: 0,
  tokenIntervalMs: 0,
  responseMs: 0,
  firstAudioByteMs: 0,
  audioChunkIntervalMs: 0,
  sttFinalDelayMs: 0,
  interimEveryMs: 250,
}

export type StubFault =
  /** 429 with Retry-After in seconds (default 1). */
  | { kind: 'rate_limit'; retryAfterSec?: number }
  /** A 5xx (default 500). */
  | { kind: 'server_error'; status?: number }
  /** 401 as for a wrong key. */
  | { kind: 'unauthorized' }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** 200 with a body that is not valid JSON (a broken SSE event for streams, a non-JSON frame live). */
  | { kind: 'malformed' }
  /** Starts answering, then destroys the connection after `afterChunks` chunks (default 2). */
  | { kind: 'drop'; afterChunks?: number }

/** What the chat endpoint received, as a rule sees it. */
export interface ChatRequestBody {
  model: string
  messages: { role: string; content: unknown }[]
  stream?: boolean
  stream_options?: { include_usage?: boolean }
  response_format?: { type: string; json_schema?: { name?: string; schema?: unknown } }
  max_completion_tokens?: number
  max_tokens?: number
  [key: string]: unknown
}

export interface ChatRule {
  when?: {
    lastUserIncludes?: string
    systemIncludes?: string
    model?: string
    /** A request header, e.g. a test's own marker. */
    header?: { name: string; value: string }
    /** True: only requests asking for JSON; false: only plain text ones. */
    json?: boolean
  }
  /** The reply text, or a function of the request. */
  reply: string | ((request: ChatRequestBody) => string)
  /** How many requests this rule answers before it is used up (default: unlimited). */
  times?: number
}

export interface StubScript {
  chat?: ChatRule[]
  /** Transcripts for recorded files and live utterances, used in turn and then from the start again. */
  transcripts?: string[]
  embeddingDimensions?: number
}

export interface StubRequestLog {
  route: StubRoute
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  /** Parsed JSON body, when it was JSON. */
  json?: unknown
  /** Multipart form fields (files as their byte length). */
  form?: Record<string, string | number>
  bytes: number
  fault?: StubFault['kind']
  /** performance.now() when the request arrived, when the first body byte (or live message) went out, and when it ended. */
  startedAt: number
  firstByteAt?: number
  endedAt?: number
  /** Live sessions: the control messages the client sent (KeepAlive, Finalize, CloseStream). */
  controlMessages?: string[]
  /** Live sessions: the messages the stub sent, by type. */
  sent?: string[]
}

export interface AiStubOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number
  latency?: Partial<StubLatency>
  script?: StubScript
  /** When set, only these keys are accepted (401 otherwise); by default any non-empty key is. */
  acceptedKeys?: string[]
}
