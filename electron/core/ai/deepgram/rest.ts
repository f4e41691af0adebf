import { ListenRestClient, SpeakRestClient, type DeepgramClientOptions, type Fetch } from '@deepgram/sdk'
import type { ResponseNote } from './errors'

/** The options every Deepgram client gets: the key, and the base URL when not the real API. */
export function deepgramOptions(key: string, baseUrl: string | undefined): DeepgramClientOptions {
  return baseUrl ? { key, global: { fetch: { options: { url: baseUrl } } } } : { key }
}

/**
 * The SDK's REST calls take no AbortSignal, and its `global.fetch.client` option is not used by its
 * REST clients (4.11). Its clients keep the fetch function in a protected field, so a subclass can
 * wrap it: the wrapper adds our signal (cancel and timeout close the socket) and notes the response
 * status and headers (the SDK's errors drop Retry-After).
 */
function abortable(base: Fetch, signal: AbortSignal, note: ResponseNote): Fetch {
  return async (input, init) => {
    const response = await base(input, { ...init, signal })
    note.status = response.status
    note.retryAfter = (name) => response.headers.get(name)
    return response
  }
}

export class AbortableListenClient extends ListenRestClient {
  constructor(options: DeepgramClientOptions, signal: AbortSignal, note: ResponseNote) {
    super(options)
    this.fetch = abortable(this.fetch, signal, note)
  }
}

export class AbortableSpeakClient extends SpeakRestClient {
  constructor(options: DeepgramClientOptions, signal: AbortSignal, note: ResponseNote) {
    super(options)
    this.fetch = abortable(this.fetch, signal, note)
  }
}
