import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type WebSocket from 'ws'
import { createEnergyVad } from '@core/audio/vad'
import { deepgramModelInfo } from './deepgram-routes'
import type { StubContext } from './stub-context'
import { wordsOver, type HeardWord } from './transcripts'
import type { StubFault, StubRequestLog } from './types'

interface Utterance {
  startMs: number
  text: string
  lastInterimAtMs: number
}

/**
 * One live /v1/listen session, speaking Deepgram's protocol: Results (interim and final, with
 * speech_final), SpeechStarted, UtteranceEnd and Metadata; it honours KeepAlive, Finalize and
 * CloseStream. End of speech is decided by an energy VAD on linear16 audio (so real recorded speech
 * works), and by a pause in arriving data for other encodings.
 */
export function runLiveSession(
  ws: WebSocket,
  entry: StubRequestLog,
  ctx: StubContext,
  fault: StubFault | undefined,
): void {
  const q = entry.query
  const model = q.model ?? 'base'
  const linear = q.encoding === 'linear16'
  const sampleRate = Number(q.sample_rate ?? 16_000) * Number(q.channels ?? 1)
  const interimResults = q.interim_results === 'true'
  const vadEvents = q.vad_events === 'true'
  // Deepgram's model-based endpointing can act on 10 ms; an energy detector needs a real pause.
  const endpointingMs =
    q.endpointing === 'false' ? Number.POSITIVE_INFINITY : Math.max(100, Number(q.endpointing ?? 300))
  const utteranceEndMs = q.utterance_end_ms ? Number(q.utterance_end_ms) : null
  const requestId = randomUUID()
  const modelUuid = randomUUID()
  const vad = linear ? createEnergyVad({ sampleRate }) : undefined
  const openedAt = performance.now()
  const timers = new Set<NodeJS.Timeout>()
  const pendingFinals: (() => void)[] = []

  let bytes = 0
  let audioChunks = 0
  let utterance: Utterance | null = null
  let lastWordEndMs: number | null = null
  let utteranceEndSent = true
  let malformedSent = false
  let gapTimer: NodeJS.Timeout | undefined
  let closed = false
  entry.sent = []
  entry.controlMessages = []

  const positionMs = () => (vad ? vad.positionMs : performance.now() - openedAt)

  const send = (message: Record<string, unknown>) => {
    if (closed || ws.readyState !== ws.OPEN) return
    if (fault?.kind === 'malformed' && !malformedSent) {
      malformedSent = true
      ws.send('{"type": "Results", "channel": {not json')
    }
    entry.firstByteAt ??= performance.now()
    entry.sent!.push(String(message.type))
    ws.send(JSON.stringify(message))
  }

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      run()
    }, ms)
    timers.add(timer)
    return timer
  }

  const results = (
    words: HeardWord[],
    startMs: number,
    endMs: number,
    flags: { isFinal: boolean; speechFinal: boolean; fromFinalize: boolean },
  ) => ({
    type: 'Results',
    channel_index: [0, 1],
    duration: Math.max(0, (endMs - startMs) / 1000),
    start: startMs / 1000,
    is_final: flags.isFinal,
    speech_final: flags.speechFinal,
    from_finalize: flags.fromFinalize,
    channel: {
      alternatives: [
        {
          transcript: words.map((w) => w.word).join(' '),
          confidence: words.length ? 0.98 : 0,
          words: words.map((w) => ({ ...w, punctuated_word: w.word })),
        },
      ],
    },
    metadata: { request_id: requestId, model_info: deepgramModelInfo(model), model_uuid: modelUuid },
  })

  const startUtterance = (startMs: number) => {
    utterance = { startMs, text: ctx.nextTranscript(), lastInterimAtMs: startMs }
    if (vadEvents) send({ type: 'SpeechStarted', channel: [0, 1], timestamp: startMs / 1000 })
  }

  const sendInterim = (nowMs: number) => {
    if (!utterance || !interimResults) return
    if (nowMs - utterance.lastInterimAtMs < ctx.latency().interimEveryMs) return
    utterance.lastInterimAtMs = nowMs
    const words = wordsOver(utterance.text, utterance.startMs / 1000, nowMs / 1000)
    // About three words a second have been "heard" so far; the last word waits for the final.
    const shown = Math.min(words.length - 1, Math.max(1, Math.floor((nowMs - utterance.startMs) / 330)))
    if (shown > 0)
      send(
        results(words.slice(0, shown), utterance.startMs, nowMs, {
          isFinal: false,
          speechFinal: false,
          fromFinalize: false,
        }),
      )
  }

  const flushFinals = () => {
    while (pendingFinals.length) pendingFinals.shift()!()
  }

  const maybeUtteranceEnd = (force = false) => {
    if (utteranceEndMs === null || utteranceEndSent || lastWordEndMs === null || utterance) return
    if (!force && positionMs() - lastWordEndMs < utteranceEndMs) return
    if (pendingFinals.length) return
    utteranceEndSent = true
    send({ type: 'UtteranceEnd', channel: [0, 1], last_word_end: lastWordEndMs / 1000 })
  }

  /** Closes the current utterance; its final goes out now or after the configured delay. */
  const endUtterance = (endMs: number, silenceHeardMs: number, how: 'endpoint' | 'finalize' | 'close') => {
    const current = utterance
    if (!current) return
    utterance = null
    vad?.reset()
    const words = wordsOver(current.text, current.startMs / 1000, endMs / 1000)
    const message = results(words, current.startMs, endMs, {
      isFinal: true,
      speechFinal: how !== 'finalize',
      fromFinalize: how === 'finalize',
    })
    const deliver = () => {
      send(message)
      lastWordEndMs = endMs
      utteranceEndSent = false
    }
    const delay = how === 'endpoint' ? Math.max(0, ctx.latency().sttFinalDelayMs - silenceHeardMs) : 0
    if (delay === 0) {
      flushFinals()
      deliver()
      return
    }
    let timer: NodeJS.Timeout | undefined = undefined
    const run = () => {
      const at = pendingFinals.indexOf(run)
      if (at >= 0) pendingFinals.splice(at, 1)
      if (timer) {
        clearTimeout(timer)
        timers.delete(timer)
      }
      deliver()
      maybeUtteranceEnd()
    }
    pendingFinals.push(run)
    timer = later(delay, run)
  }

  const onAudio = (chunk: Buffer) => {
    bytes += chunk.length
    audioChunks++
    if (fault?.kind === 'drop' && audioChunks > (fault.afterChunks ?? 2)) {
      closed = true
      ws.terminate()
      return
    }
    if (vad) {
      vad.push(chunk)
      if (!utterance && vad.speechStartMs !== null) startUtterance(vad.speechStartMs)
      if (utterance) {
        sendInterim(vad.lastVoiceMs ?? vad.positionMs)
        if (vad.silenceMs() >= endpointingMs) endUtterance(vad.lastVoiceMs!, vad.silenceMs(), 'endpoint')
      }
      maybeUtteranceEnd()
      return
    }
    // Without a PCM format to measure, arriving data is speech and a pause in it is its end.
    const now = positionMs()
    if (!utterance) startUtterance(now)
    sendInterim(now)
    if (gapTimer) {
      clearTimeout(gapTimer)
      timers.delete(gapTimer)
    }
    if (Number.isFinite(endpointingMs)) {
      gapTimer = later(endpointingMs, () => {
        endUtterance(now, endpointingMs, 'endpoint')
        if (utteranceEndMs !== null) later(Math.max(0, utteranceEndMs - endpointingMs), () => maybeUtteranceEnd(true))
      })
    }
  }

  const onControl = (text: string) => {
    let message: { type?: unknown }
    try {
      message = JSON.parse(text)
    } catch {
      return
    }
    const type = String(message.type)
    entry.controlMessages!.push(type)
    if (type === 'Finalize') {
      flushFinals()
      if (utterance) endUtterance(positionMs(), 0, 'finalize')
      else send(results([], positionMs(), positionMs(), { isFinal: true, speechFinal: false, fromFinalize: true }))
    } else if (type === 'CloseStream') {
      flushFinals()
      if (utterance) endUtterance(positionMs(), 0, 'close')
      maybeUtteranceEnd(true)
      send({
        type: 'Metadata',
        transaction_key: 'deprecated',
        request_id: requestId,
        sha256: 'stub',
        created: new Date().toISOString(),
        duration: linear ? bytes / (sampleRate * 2) : (performance.now() - openedAt) / 1000,
        channels: 1,
        models: [modelUuid],
        model_info: { [modelUuid]: deepgramModelInfo(model) },
      })
      finish(1000)
    }
  }

  const finish = (code: number) => {
    if (closed) return
    closed = true
    for (const timer of timers) clearTimeout(timer)
    timers.clear()
    entry.endedAt = performance.now()
    ws.close(code)
  }

  ws.on('message', (data, isBinary) => {
    if (closed || fault?.kind === 'hang') return
    if (isBinary) onAudio(data as Buffer)
    else onControl(data.toString())
  })
  ws.on('close', () => {
    closed = true
    for (const timer of timers) clearTimeout(timer)
    timers.clear()
    entry.endedAt ??= performance.now()
  })
}
