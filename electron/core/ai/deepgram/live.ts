import { ListenLiveClient, LiveTranscriptionEvents, type LiveSchema } from '@deepgram/sdk'
import WebSocket from 'ws'
import { z } from 'zod'
import { createAsyncQueue } from '../async-queue'
import type { LiveTranscriptEvent, LiveTranscription, LiveTranscriptionOptions } from '../types'
import type { ResponseNote } from './errors'
import { deepgramAlternativeSchema, toWords } from './prerecorded'

/**
 * The socket class handed to the SDK. Passing our own keeps Node and Electron on the same `ws`
 * code (Electron has a browser WebSocket that sends the key as a subprotocol), and lets us note
 * the status and Retry-After of a refused upgrade, which the SDK's error event does not carry.
 */
function transportNoting(note: ResponseNote) {
  return class NotingWebSocket extends WebSocket {
    constructor(address: string | URL, _protocols: unknown, options?: { headers?: Record<string, string> }) {
      super(address, { headers: options?.headers })
      this.on('unexpected-response', (_request, response) => {
        note.status = response.statusCode
        note.retryAfter = (name) => {
          const value = response.headers[name.toLowerCase()]
          return Array.isArray(value) ? value[0] : value
        }
        response.resume()
        this.terminate()
      })
    }
  }
}

export function liveSchemaFor(model: string, options: LiveTranscriptionOptions): LiveSchema {
  return {
    model,
    // webm carries its own format description; Deepgram reads it from the container.
    ...(options.encoding === 'webm' ? {} : { encoding: options.encoding, sample_rate: options.sampleRate }),
    channels: 1,
    interim_results: true,
    punctuate: true,
    smart_format: true,
    vad_events: true,
    endpointing: options.endpointingMs ?? 300,
    // Deepgram accepts nothing under 1,000 ms here.
    utterance_end_ms: Math.max(1000, options.utteranceEndMs ?? 1000),
  }
}

/** Opens the live socket; resolves when it is open, rejects with what the SDK reported otherwise. */
export async function openDeepgramLive(
  key: string,
  baseUrl: string | undefined,
  model: string,
  options: LiveTranscriptionOptions,
  signal: AbortSignal,
  note: ResponseNote,
): Promise<ListenLiveClient> {
  const url = baseUrl ? baseUrl.replace(/^http/i, 'ws') : undefined
  const connection = new ListenLiveClient(
    {
      key,
      global: {
        websocket: {
          ...(url ? { options: { url } } : {}),
          client: transportNoting(note) as unknown as typeof globalThis.WebSocket,
        },
      },
    },
    liveSchemaFor(model, options),
  )
  await new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      signal.removeEventListener('abort', onAbort)
      connection.removeAllListeners()
    }
    const fail = (error: unknown) => {
      cleanup()
      connection.disconnect()
      reject(error)
    }
    const onAbort = () => fail(signal.reason)
    connection.once(LiveTranscriptionEvents.Open, () => {
      cleanup()
      resolve()
    })
    connection.once(LiveTranscriptionEvents.Error, (event: { message?: string }) =>
      fail(new Error(event?.message ?? 'WebSocket error')),
    )
    connection.once(LiveTranscriptionEvents.Close, () => fail(new Error('socket closed before it opened')))
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
  return connection
}

const resultsSchema = z.object({
  is_final: z.boolean().optional(),
  speech_final: z.boolean().optional(),
  channel: z.object({ alternatives: z.array(deepgramAlternativeSchema).min(1) }),
})

export interface LiveEnd {
  outcome: 'ok' | 'error' | 'cancelled'
  /** Seconds of audio the provider heard (its own count when it sent one). */
  audioSeconds: number
  error?: unknown
}

export interface LiveSessionOptions {
  options: LiveTranscriptionOptions
  /** How long finish() waits for the provider's last results. */
  finishTimeoutMs: number
  keepAliveMs?: number
  /** Called once, when the session is over for any reason. */
  onEnd(end: LiveEnd): void
  /** Makes an AiError for a timeout while finishing. */
  timeoutError(): Error
  /** Makes an AiError from what the socket reported. */
  mapError(error: unknown): Error
}

/**
 * Wraps an open Deepgram socket as a LiveTranscription: audio goes out as sent, results come back
 * as events the moment they are parsed. Sends a KeepAlive while the caller is quiet (Deepgram drops
 * a socket after about 10 s without data), and reports usage exactly once when it ends.
 */
export function deepgramLiveTranscription(
  connection: ListenLiveClient,
  session: LiveSessionOptions,
): LiveTranscription {
  const { options } = session
  let closing: 'finish' | 'close' | undefined
  let ended = false
  let bytesSent = 0
  let reportedSeconds: number | undefined
  let lastSendAt = Date.now()
  let finishTimer: NodeJS.Timeout | undefined
  let settleDone: { resolve: () => void; reject: (e: Error) => void } | undefined
  const done = new Promise<void>((resolve, reject) => {
    settleDone = { resolve, reject }
  })
  // Whoever calls finish() gets the failure; a session nobody finishes must not raise an unhandled rejection.
  done.catch(() => undefined)
  const startedAt = Date.now()

  const events = createAsyncQueue<LiveTranscriptEvent>(() => close())

  const heardSeconds = () => {
    if (reportedSeconds !== undefined) return reportedSeconds
    if (options.encoding === 'linear16') return bytesSent / (options.sampleRate * 2)
    return (Date.now() - startedAt) / 1000
  }

  const end = (outcome: LiveEnd['outcome'], error?: Error) => {
    if (ended) return
    ended = true
    clearInterval(keepAlive)
    clearTimeout(finishTimer)
    options.signal?.removeEventListener('abort', close)
    connection.removeAllListeners()
    connection.disconnect()
    if (error) {
      events.fail(error)
      settleDone!.reject(error)
    } else {
      events.end()
      settleDone!.resolve()
    }
    session.onEnd({ outcome, audioSeconds: heardSeconds(), error })
  }

  const keepAlive = setInterval(
    () => {
      if (Date.now() - lastSendAt >= (session.keepAliveMs ?? 4000)) connection.keepAlive()
    },
    Math.min(session.keepAliveMs ?? 4000, 4000),
  )

  connection.on(LiveTranscriptionEvents.Transcript, (message: unknown) => {
    const parsed = resultsSchema.safeParse(message)
    if (!parsed.success) return
    const best = parsed.data.channel.alternatives[0]!
    const text = best.transcript.trim()
    if (!text) return
    events.push(
      parsed.data.is_final
        ? { type: 'final', text, words: toWords(best.words), speechFinal: parsed.data.speech_final === true }
        : { type: 'interim', text, words: toWords(best.words) },
    )
  })
  connection.on(LiveTranscriptionEvents.UtteranceEnd, () => events.push({ type: 'utterance_end', text: '' }))
  connection.on(LiveTranscriptionEvents.Metadata, (message: { duration?: unknown }) => {
    if (typeof message?.duration === 'number' && Number.isFinite(message.duration) && message.duration >= 0)
      reportedSeconds = message.duration
  })
  connection.on(LiveTranscriptionEvents.Error, (payload: { error?: unknown; message?: string }) => {
    // A frame that is not JSON is skipped; the socket and the answer go on.
    if (payload?.error instanceof SyntaxError) return
    end('error', session.mapError(new Error(payload?.message ?? 'WebSocket error')))
  })
  connection.on(LiveTranscriptionEvents.Close, () => {
    if (closing) end(closing === 'close' ? 'cancelled' : 'ok')
    else end('error', session.mapError(new Error('connection dropped')))
  })

  function close() {
    if (ended) return
    closing = 'close'
    end('cancelled')
  }

  options.signal?.addEventListener('abort', close, { once: true })

  return {
    send(chunk) {
      if (ended || closing || chunk.byteLength === 0) return
      bytesSent += chunk.byteLength
      lastSendAt = Date.now()
      // The SDK's type says ArrayBuffer, but it hands the value to ws, which sends typed arrays as they are; no copy.
      connection.send(chunk as unknown as ArrayBuffer)
    },
    finish() {
      if (!ended && !closing) {
        closing = 'finish'
        connection.requestClose()
        finishTimer = setTimeout(() => end('error', session.timeoutError()), session.finishTimeoutMs)
      }
      return done
    },
    close,
    events,
  }
}
