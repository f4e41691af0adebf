import { useEffect, useState } from 'react'
import { dbfs, type MicCapture } from './audio/mic-capture'

/** Maps -60..0 dBFS to 0..100. */
const percent = (rms: number) => Math.round(Math.max(0, Math.min(100, ((dbfs(rms) + 60) / 60) * 100)))

/** The microphone's level, updated about ten times a second; `onVoice` fires once speech-level sound is heard. */
export function LevelMeter({
  mic,
  onVoice,
  label = 'Microphone level',
}: {
  mic: MicCapture
  onVoice?: () => void
  label?: string
}) {
  const [level, setLevel] = useState(0)
  useEffect(() => {
    let peak = 0
    let count = 0
    return mic.onChunk((chunk) => {
      peak = Math.max(peak, chunk.rms)
      if (++count < 5) return
      const value = percent(peak)
      setLevel(value)
      if (value >= 40) onVoice?.()
      peak = 0
      count = 0
    })
  }, [mic, onVoice])
  return (
    <div
      className="kiosk-meter"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={level}
    >
      <div className="kiosk-meter-fill" style={{ width: `${level}%` }} />
    </div>
  )
}
