import { useEffect } from 'react'
import type { MicCapture } from './audio/mic-capture'
import type { VoiceControls } from './useVoiceSession'
import { bytesToBase64 } from '../../../shared/base64'
import { CAMERA_VIDEO_BITS_PER_SECOND } from '../../../shared/contract/kiosk'

const TIMESLICE_MS = 1000

function supportedType(): string | undefined {
  return ['video/webm;codecs=vp8,opus', 'video/webm'].find((type) => MediaRecorder.isTypeSupported(type))
}

/**
 * Records the camera (with the microphone) while a video question is being answered, handing
 * each second of WebM to the studio as it is produced, so a crash keeps all but the last second.
 */
export function useCameraRecorder(
  link: VoiceControls,
  mic: MicCapture | null,
  turnIndex: number | null,
  active: boolean,
) {
  useEffect(() => {
    if (!active || !mic?.hasVideo || turnIndex === null || typeof MediaRecorder === 'undefined') return
    const recorder = new MediaRecorder(mic.stream, {
      mimeType: supportedType(),
      videoBitsPerSecond: CAMERA_VIDEO_BITS_PER_SECOND,
    })
    let seq = 0
    let sending = Promise.resolve()
    recorder.ondataavailable = (event) => {
      if (!event.data.size) return
      const order = seq++
      // Chunks are read in order so the file is appended in order.
      sending = sending.then(async () =>
        link.camera(turnIndex, order, bytesToBase64(new Uint8Array(await event.data.arrayBuffer()))),
      )
    }
    recorder.start(TIMESLICE_MS)
    return () => {
      if (recorder.state !== 'inactive') recorder.stop()
    }
  }, [active, link, mic, turnIndex])
}
