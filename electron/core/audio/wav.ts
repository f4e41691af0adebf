/** The few facts about a WAV file the AI layer needs: its PCM format and how long it plays. */
export interface WavInfo {
  sampleRate: number
  channels: number
  bitsPerSample: number
  dataOffset: number
  dataBytes: number
  durationSec: number
}

const ascii = (bytes: Uint8Array, at: number) =>
  String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!)

/** Walks the RIFF chunks; null when the bytes are not a PCM WAV file. Tolerates streamed files whose sizes are unset. */
export function parseWav(bytes: Uint8Array): WavInfo | null {
  if (bytes.byteLength < 44 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 12
  let format: { sampleRate: number; channels: number; bitsPerSample: number } | undefined
  while (at + 8 <= bytes.byteLength) {
    const id = ascii(bytes, at)
    const size = view.getUint32(at + 4, true)
    if (id === 'fmt ' && at + 24 <= bytes.byteLength) {
      const audioFormat = view.getUint16(at + 8, true)
      if (audioFormat !== 1 && audioFormat !== 0xfffe) return null
      format = {
        channels: view.getUint16(at + 10, true),
        sampleRate: view.getUint32(at + 12, true),
        bitsPerSample: view.getUint16(at + 22, true),
      }
    } else if (id === 'data' && format) {
      const dataOffset = at + 8
      const dataBytes = Math.min(size, bytes.byteLength - dataOffset)
      const bytesPerSecond = format.sampleRate * format.channels * (format.bitsPerSample / 8)
      if (!bytesPerSecond) return null
      return { ...format, dataOffset, dataBytes, durationSec: dataBytes / bytesPerSecond }
    }
    at += 8 + size + (size % 2)
  }
  return null
}

/** A 44-byte header for 16-bit little-endian PCM. */
export function wavHeader(dataBytes: number, sampleRate: number, channels = 1): Uint8Array {
  const header = new Uint8Array(44)
  const view = new DataView(header.buffer)
  const write = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) header[at + i] = text.charCodeAt(i)
  }
  write(0, 'RIFF')
  view.setUint32(4, 36 + dataBytes, true)
  write(8, 'WAVE')
  write(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true)
  view.setUint16(22, channels, true)
  view.setUint32(24, sampleRate, true)
  view.setUint32(28, sampleRate * channels * 2, true)
  view.setUint16(32, channels * 2, true)
  view.setUint16(34, 16, true)
  write(36, 'data')
  view.setUint32(40, dataBytes, true)
  return header
}

export function encodeWav(pcm: Uint8Array, sampleRate: number, channels = 1): Uint8Array {
  const out = new Uint8Array(44 + pcm.byteLength)
  out.set(wavHeader(pcm.byteLength, sampleRate, channels), 0)
  out.set(pcm, 44)
  return out
}

/**
 * Seconds of audio, exact for WAV and conservative (long) for compressed formats, where 4 kB a
 * second is below any speech codec's usual bitrate. Used only to check a budget before a call.
 */
export function estimateAudioSeconds(audio: Uint8Array): number {
  return parseWav(audio)?.durationSec ?? audio.byteLength / 4000
}
