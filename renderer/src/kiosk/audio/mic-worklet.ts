/**
 * The microphone's audio worklet: runs on the audio thread, mixes the input to mono, converts it to
 * 16-bit PCM and posts one chunk per CHUNK_MS with its loudness. Posting fixed-size chunks keeps the
 * main thread's work (and the messages to the studio) steady at 50 a second.
 */

// The worklet scope's globals, which the DOM library does not describe.
declare const sampleRate: number
declare function registerProcessor(name: string, processor: new () => object): void
declare class AudioWorkletProcessor {
  readonly port: MessagePort
}

const CHUNK_MS = 20

export interface MicChunkMessage {
  pcm: ArrayBuffer
  /** Root-mean-square level of the chunk, 0..1. */
  rms: number
}

class MicChunker extends AudioWorkletProcessor {
  private readonly size = Math.round((sampleRate * CHUNK_MS) / 1000)
  private buffer = new Int16Array(this.size)
  private filled = 0
  private sumSquares = 0

  process(inputs: Float32Array[][]): boolean {
    const channels = inputs[0]
    if (!channels || channels.length === 0) return true
    const frames = channels[0]!.length
    for (let i = 0; i < frames; i++) {
      let value = 0
      for (const channel of channels) value += channel[i]!
      value /= channels.length
      const clipped = Math.max(-1, Math.min(1, value))
      this.sumSquares += clipped * clipped
      this.buffer[this.filled++] = clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff
      if (this.filled === this.size) {
        const message: MicChunkMessage = { pcm: this.buffer.buffer, rms: Math.sqrt(this.sumSquares / this.size) }
        this.port.postMessage(message, [this.buffer.buffer])
        this.buffer = new Int16Array(this.size)
        this.filled = 0
        this.sumSquares = 0
      }
    }
    return true
  }
}

registerProcessor('panelist-mic', MicChunker)
