import { sayWithPlatformVoice } from './browser-speech'
import { noteReplyAudio } from './speech-marks'

interface Playing {
  utteranceId: string
  controller: AbortController
  sources: Set<AudioBufferSourceNode>
  /** Work in order: audio is scheduled at once, platform speech waits for the audio before it. */
  chain: Promise<void>
  started: boolean
  finished: boolean
}

export interface ReplyPlayerEvents {
  onStarted(utteranceId: string): void
  onEnded(utteranceId: string): void
}

/**
 * Plays the interviewer's reply as it arrives: each PCM chunk becomes an AudioBuffer scheduled
 * right after the previous one on the audio clock, so playback starts with the first chunk and
 * has no gaps; pieces the kiosk must say itself are spoken in turn after the audio before them.
 */
export class ReplyPlayer {
  private playing: Playing | null = null
  private nextTime = 0
  private leftover: number | null = null

  constructor(
    private readonly context: AudioContext,
    private readonly events: ReplyPlayerEvents,
  ) {}

  get utteranceId(): string | null {
    return this.playing && !this.playing.finished ? this.playing.utteranceId : null
  }

  private current(utteranceId: string): Playing {
    if (this.playing?.utteranceId === utteranceId) return this.playing
    this.stop()
    this.leftover = null
    this.playing = {
      utteranceId,
      controller: new AbortController(),
      sources: new Set(),
      chain: Promise.resolve(),
      started: false,
      finished: false,
    }
    return this.playing
  }

  private markStarted(playing: Playing, startAt: number) {
    if (playing.started) return
    playing.started = true
    noteReplyAudio(playing.utteranceId, startAt)
    this.events.onStarted(playing.utteranceId)
  }

  /** Schedules 16-bit mono PCM. */
  pcm(utteranceId: string, sampleRate: number, bytes: Uint8Array): void {
    const playing = this.current(utteranceId)
    if (playing.finished) return
    let data = bytes
    if (this.leftover !== null) {
      data = new Uint8Array(bytes.byteLength + 1)
      data[0] = this.leftover
      data.set(bytes, 1)
      this.leftover = null
    }
    if (data.byteLength % 2) {
      this.leftover = data[data.byteLength - 1]!
      data = data.subarray(0, data.byteLength - 1)
    }
    const samples = data.byteLength / 2
    if (!samples) return
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
    const buffer = this.context.createBuffer(1, samples, sampleRate)
    const channel = buffer.getChannelData(0)
    for (let i = 0; i < samples; i++) channel[i] = view.getInt16(i * 2, true) / 0x8000
    playing.chain = playing.chain.then(() => {
      if (playing.controller.signal.aborted) return
      const now = this.context.currentTime
      // A start time already past plays at once, from the buffer's beginning: nothing is clipped.
      const at = Math.max(this.nextTime, now)
      const source = this.context.createBufferSource()
      source.buffer = buffer
      source.connect(this.context.destination)
      source.onended = () => playing.sources.delete(source)
      source.start(at)
      playing.sources.add(source)
      this.nextTime = at + buffer.duration
      this.markStarted(playing, performance.now() + (at - now) * 1000)
    })
  }

  /** Speaks a piece with the platform's voice once everything before it has played. */
  say(utteranceId: string, text: string): void {
    const playing = this.current(utteranceId)
    if (playing.finished) return
    playing.chain = playing.chain.then(async () => {
      await this.untilScheduledAudioPlayed(playing)
      if (playing.controller.signal.aborted) return
      this.markStarted(playing, performance.now())
      await sayWithPlatformVoice(text, playing.controller.signal)
    })
  }

  /** No more pieces follow; reports the end once the last sound has played. */
  finish(utteranceId: string): void {
    const playing = this.current(utteranceId)
    playing.chain = playing.chain.then(async () => {
      await this.untilScheduledAudioPlayed(playing)
      if (playing.controller.signal.aborted || playing.finished) return
      playing.finished = true
      this.events.onEnded(utteranceId)
    })
  }

  /** Stops at once (the candidate interrupted, or main said so). */
  stop(utteranceId?: string): void {
    const playing = this.playing
    if (!playing || (utteranceId && playing.utteranceId !== utteranceId)) return
    playing.controller.abort()
    playing.finished = true
    for (const source of playing.sources) {
      try {
        source.stop()
      } catch {
        // Already stopped.
      }
    }
    playing.sources.clear()
    this.nextTime = 0
  }

  private untilScheduledAudioPlayed(playing: Playing): Promise<void> {
    const remaining = this.nextTime - this.context.currentTime
    if (remaining <= 0 || playing.controller.signal.aborted) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, remaining * 1000)
      playing.controller.signal.addEventListener('abort', () => {
        clearTimeout(timer)
        resolve()
      })
    })
  }
}
