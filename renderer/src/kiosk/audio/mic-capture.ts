import workletUrl from './mic-worklet?worker&url'
import type { MicChunkMessage } from './mic-worklet'

/** Rates the studio accepts; the kiosk asks the audio system for the first and sends what it gets. */
const PREFERRED_RATE = 48_000
const ACCEPTED_RATES = new Set([16_000, 24_000, 32_000, 44_100, 48_000])

export interface MicChunk {
  pcm: Uint8Array
  rms: number
  /** performance.now() when the chunk's last sample arrived. */
  at: number
}

export interface MicCapture {
  readonly stream: MediaStream
  readonly context: AudioContext
  readonly sampleRate: number
  readonly hasVideo: boolean
  /** Subscribes to 20 ms chunks of 16-bit mono PCM; returns the unsubscribe function. */
  onChunk(listener: (chunk: MicChunk) => void): () => void
  close(): Promise<void>
}

/**
 * Opens the camera and microphone (only after the candidate consented) and streams the
 * microphone as PCM chunks from an audio worklet. Echo cancellation keeps the interviewer's
 * own voice out of the microphone, so speaking over it is the candidate and not the speakers.
 */
export async function openMicCapture(options: { video: boolean }): Promise<MicCapture> {
  const audio: MediaTrackConstraints = {
    echoCancellation: true,
    noiseSuppression: true,
    autoGainControl: true,
    channelCount: 1,
  }
  let stream: MediaStream
  let hasVideo = options.video
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio,
      video: options.video ? { width: 640, height: 360 } : false,
    })
  } catch (error) {
    if (!options.video) throw error
    // No camera (or it was refused): the interview still runs on voice.
    stream = await navigator.mediaDevices.getUserMedia({ audio, video: false })
    hasVideo = false
  }
  let context: AudioContext
  try {
    context = new AudioContext({ sampleRate: PREFERRED_RATE, latencyHint: 'interactive' })
  } catch {
    context = new AudioContext({ latencyHint: 'interactive' })
  }
  if (!ACCEPTED_RATES.has(context.sampleRate)) {
    await context.close()
    context = new AudioContext({ sampleRate: 16_000, latencyHint: 'interactive' })
  }
  await context.audioWorklet.addModule(workletUrl)
  const source = context.createMediaStreamSource(stream)
  const node = new AudioWorkletNode(context, 'panelist-mic', {
    numberOfInputs: 1,
    numberOfOutputs: 0,
    channelCount: 1,
    channelCountMode: 'explicit',
  })
  source.connect(node)
  const listeners = new Set<(chunk: MicChunk) => void>()
  node.port.onmessage = (event: MessageEvent<MicChunkMessage>) => {
    const chunk: MicChunk = { pcm: new Uint8Array(event.data.pcm), rms: event.data.rms, at: performance.now() }
    for (const listener of listeners) listener(chunk)
  }
  if (context.state === 'suspended') await context.resume().catch(() => undefined)
  return {
    stream,
    context,
    sampleRate: context.sampleRate,
    hasVideo,
    onChunk(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      listeners.clear()
      node.port.onmessage = null
      source.disconnect()
      stream.getTracks().forEach((track) => track.stop())
      await context.close().catch(() => undefined)
    },
  }
}

/** Loudness in dBFS of an RMS level (silence is -100). */
export const dbfs = (rms: number) => (rms > 0 ? 20 * Math.log10(rms) : -100)

/** The level above which a chunk counts as voice for meters and timing marks (the studio's VAD uses the same). */
export const VOICE_DBFS = -42
