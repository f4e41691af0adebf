import { createAsyncQueue } from '../async-queue'
import { createEnergyVad } from '../../audio/vad'
import { encodeWav } from '../../audio/wav'
import type { LiveTranscriptEvent, LiveTranscription, LiveTranscriptionOptions, Transcript } from '../types'

export interface SegmentedLiveOptions {
  options: LiveTranscriptionOptions
  /** Transcribes one finished utterance (a full call through the runner: retried, billed). */
  transcribe(audio: Uint8Array, mimeType: string, signal: AbortSignal): Promise<Transcript>
  /** Called once when the session closes, however it closed. */
  onClose?: () => void
}

const PRE_ROLL_MS = 300

/**
 * Live transcription for a provider that only transcribes whole files (OpenAI): a local voice
 * activity detector cuts 16-bit PCM into utterances at pauses, and each utterance is sent as a WAV
 * file as soon as it ends. There are no interim results; each utterance's final arrives one round
 * trip after its end. Other encodings are kept whole and transcribed on finish().
 */
export function segmentedLiveTranscription({ options, transcribe, onClose }: SegmentedLiveOptions): LiveTranscription {
  const pcm = options.encoding === 'linear16'
  const bytesPerMs = (options.sampleRate * 2) / 1000
  const endpointingMs = options.endpointingMs ?? 300
  const utteranceEndMs = Math.max(endpointingMs, options.utteranceEndMs ?? 1000)
  const vad = pcm ? createEnergyVad({ sampleRate: options.sampleRate }) : undefined
  const controller = new AbortController()
  const events = createAsyncQueue<LiveTranscriptEvent>(() => close())

  let chunks: Uint8Array[] = []
  let bufferedBytes = 0
  /** Audio time of the first byte in `chunks`. */
  let bufferStartMs = 0
  let lastSegmentEndMs: number | null = null
  let closed = false
  let chain: Promise<void> = Promise.resolve()

  const concat = (parts: Uint8Array[], size: number) => {
    const out = new Uint8Array(size)
    let at = 0
    for (const part of parts) {
      out.set(part, at)
      at += part.byteLength
    }
    return out
  }

  const enqueue = (audio: Uint8Array, mimeType: string, offsetSec: number, thenUtteranceEnd: boolean) => {
    chain = chain.then(async () => {
      if (closed) return
      const transcript = await transcribe(audio, mimeType, controller.signal)
      if (closed) return
      if (transcript.text) {
        const words = transcript.words.map((w) => ({ ...w, start: w.start + offsetSec, end: w.end + offsetSec }))
        events.push({ type: 'final', text: transcript.text, words, speechFinal: true })
      }
      if (thenUtteranceEnd) events.push({ type: 'utterance_end', text: '' })
    })
    chain.catch((error: Error) => {
      if (!closed) events.fail(error)
      close()
    })
  }

  /** Drops audio older than the pre-roll while nobody speaks, so memory stays flat in long silences. */
  const trimSilence = () => {
    const keepBytes = Math.ceil(PRE_ROLL_MS * bytesPerMs)
    while (chunks.length > 1 && bufferedBytes - chunks[0]!.byteLength >= keepBytes) {
      const dropped = chunks.shift()!
      bufferedBytes -= dropped.byteLength
      bufferStartMs += dropped.byteLength / bytesPerMs
    }
  }

  /** At a pause the utterance_end waits for more silence; on finish() it follows the final at once. */
  const cutUtterance = (utteranceEndsNow: boolean) => {
    const audio = concat(chunks, bufferedBytes)
    enqueue(encodeWav(audio, options.sampleRate), 'audio/wav', bufferStartMs / 1000, utteranceEndsNow)
    bufferStartMs += bufferedBytes / bytesPerMs
    chunks = []
    bufferedBytes = 0
    lastSegmentEndMs = vad!.positionMs
    vad!.reset()
  }

  function close() {
    if (closed) return
    closed = true
    controller.abort(new Error('live transcription closed'))
    options.signal?.removeEventListener('abort', close)
    events.end()
    onClose?.()
  }
  options.signal?.addEventListener('abort', close, { once: true })

  return {
    send(chunk) {
      if (closed || chunk.byteLength === 0) return
      chunks.push(chunk)
      bufferedBytes += chunk.byteLength
      if (!vad) return
      vad.push(chunk)
      if (vad.speechStartMs === null) {
        trimSilence()
        if (lastSegmentEndMs !== null && vad.positionMs - lastSegmentEndMs >= utteranceEndMs) {
          lastSegmentEndMs = null
          chain = chain.then(() => events.push({ type: 'utterance_end', text: '' }))
        }
      } else if (vad.silenceMs() >= endpointingMs) {
        cutUtterance(false)
      }
    },
    async finish() {
      if (closed) return
      if (!vad) {
        if (bufferedBytes)
          enqueue(concat(chunks, bufferedBytes), options.encoding === 'webm' ? 'audio/webm' : 'audio/ogg', 0, true)
      } else if (vad.speechStartMs !== null) {
        cutUtterance(true)
      } else if (lastSegmentEndMs !== null) {
        chain = chain.then(() => events.push({ type: 'utterance_end', text: '' }))
      }
      chunks = []
      bufferedBytes = 0
      await chain
      close()
    },
    close,
    events,
  }
}
