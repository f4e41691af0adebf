import type { Logger } from '../logger'
import type { TextToSpeech, UsageScope } from '../ai/types'
import { createSentenceCutter } from './sentence-cutter'

/** Both providers' raw PCM (see ai/capabilities/tts.ts). */
export const TTS_SAMPLE_RATE = 24_000
/** Speech requested ahead of the piece being played, so the next one is ready when it is needed. */
const LOOKAHEAD = 2

export interface UtteranceSink {
  /** A piece of what the interviewer says, given when its audio begins ('server') or for the kiosk to speak itself ('browser'). */
  segment(text: string, speech: 'server' | 'browser'): void
  /** Reply audio, 16-bit mono PCM at TTS_SAMPLE_RATE, whole samples only. */
  audio(pcm: Uint8Array): void
}

export interface SpokenUtterance {
  text: string
  /** Audio handed to the sink. */
  audioBytes: number
  /** ms after start: first piece cut, first audio handed on, all text received. */
  firstSegmentMs: number | null
  firstAudioMs: number | null
  textDoneMs: number
  aborted: boolean
}

export interface SpeakOptions {
  text: AsyncIterable<string>
  /** Null speaks nothing here: every piece goes to the kiosk's own speech synthesis. */
  tts: TextToSpeech | null
  signal: AbortSignal
  sink: UtteranceSink
  scope?: UsageScope
  logger: Logger
  now?: () => number
}

interface PieceAudio {
  text: string
  chunks: Uint8Array[]
  ended: boolean
  failed: unknown
  started: boolean
  wake: (() => void) | null
}

/**
 * Streams the interviewer's words to speech while they are still being written: the text is cut
 * into pieces as it arrives, each piece is sent to text-to-speech at once (a couple ahead of the one
 * playing), and audio is handed on chunk by chunk in order. If speech fails, the rest is given to
 * the kiosk to say with its own voice, so the candidate always hears the question.
 */
export async function speakUtterance(options: SpeakOptions): Promise<SpokenUtterance> {
  const now = options.now ?? (() => performance.now())
  const started = now()
  const { signal, sink } = options
  const pieces: PieceAudio[] = []
  let textDone = false
  let textDoneAt = 0
  let firstSegmentAt: number | null = null
  let firstAudioAt: number | null = null
  let audioBytes = 0
  let spoken = ''
  let useBrowser = options.tts === null
  let wakeConsumer: (() => void) | null = null
  let playing = 0

  const wake = (piece?: PieceAudio) => {
    const fn = piece ? piece.wake : wakeConsumer
    if (piece) piece.wake = null
    else wakeConsumer = null
    fn?.()
  }

  const fetchSpeech = (piece: PieceAudio) => {
    if (piece.started || useBrowser || !options.tts) return
    piece.started = true
    void (async () => {
      try {
        for await (const chunk of options.tts!.stream({
          text: piece.text,
          format: 'pcm',
          signal,
          scope: options.scope,
        })) {
          piece.chunks.push(chunk)
          wake(piece)
        }
      } catch (error) {
        piece.failed = error
      } finally {
        piece.ended = true
        wake(piece)
      }
    })()
  }

  const addPiece = (text: string) => {
    firstSegmentAt ??= now()
    const piece: PieceAudio = { text, chunks: [], ended: false, failed: null, started: false, wake: null }
    pieces.push(piece)
    if (pieces.length - 1 < playing + LOOKAHEAD) fetchSpeech(piece)
    wake()
  }

  const waitPiece = (piece: PieceAudio) => new Promise<void>((resolve) => (piece.wake = resolve))
  const waitConsumer = () => new Promise<void>((resolve) => (wakeConsumer = resolve))
  const aborted = new Promise<void>((resolve) => {
    if (signal.aborted) return resolve()
    signal.addEventListener('abort', () => resolve(), { once: true })
  })
  // One listener for the whole utterance: an abort wakes whoever is waiting.
  void aborted.then(() => {
    wake()
    for (const piece of pieces) wake(piece)
  })

  const produce = async () => {
    const cutter = createSentenceCutter()
    const iterator = options.text[Symbol.asyncIterator]()
    try {
      for (;;) {
        // The engine may be deciding the next question when the candidate interrupts; do not wait for it.
        const next = await Promise.race([iterator.next(), aborted.then(() => null)])
        if (!next || next.done || signal.aborted) break
        spoken += next.value
        for (const piece of cutter.push(next.value)) addPiece(piece)
      }
      if (!signal.aborted) for (const piece of cutter.flush()) addPiece(piece)
    } finally {
      if (signal.aborted) void iterator.return?.()?.catch(() => undefined)
      textDone = true
      textDoneAt = now()
      wake()
    }
  }

  const consume = async () => {
    for (playing = 0; ; playing++) {
      while (playing >= pieces.length && !textDone && !signal.aborted) await waitConsumer()
      if (signal.aborted || playing >= pieces.length) return
      for (let ahead = playing; ahead < Math.min(pieces.length, playing + LOOKAHEAD); ahead++)
        fetchSpeech(pieces[ahead]!)
      const piece = pieces[playing]!
      if (useBrowser) {
        sink.segment(piece.text, 'browser')
        continue
      }
      let sent = 0
      let announced = false
      let odd: number | null = null
      for (;;) {
        while (sent >= piece.chunks.length && !piece.ended && !signal.aborted) await waitPiece(piece)
        if (signal.aborted) return
        if (sent >= piece.chunks.length) break
        let chunk = piece.chunks[sent++]!
        if (odd !== null) {
          const joined = new Uint8Array(chunk.byteLength + 1)
          joined[0] = odd
          joined.set(chunk, 1)
          chunk = joined
          odd = null
        }
        if (chunk.byteLength % 2 === 1) {
          odd = chunk[chunk.byteLength - 1]!
          chunk = chunk.subarray(0, chunk.byteLength - 1)
        }
        if (!chunk.byteLength) continue
        if (firstAudioAt === null) firstAudioAt = now()
        if (!announced) sink.segment(piece.text, 'server')
        announced = true
        audioBytes += chunk.byteLength
        sink.audio(chunk)
      }
      if (piece.failed && !signal.aborted) {
        options.logger.warn('interviewer speech failed; the kiosk speaks the rest itself', {
          error: piece.failed instanceof Error ? piece.failed.message : String(piece.failed),
        })
        useBrowser = true
        // Nothing of this piece was heard: the kiosk says all of it.
        if (!announced) sink.segment(piece.text, 'browser')
      }
    }
  }

  await Promise.all([produce(), consume()])
  return {
    text: spoken.trim(),
    audioBytes,
    firstSegmentMs: firstSegmentAt === null ? null : firstSegmentAt - started,
    firstAudioMs: firstAudioAt === null ? null : firstAudioAt - started,
    textDoneMs: textDoneAt - started,
    aborted: signal.aborted,
  }
}
