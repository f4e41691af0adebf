import { useCallback, useEffect, useRef, useState } from 'react'
import { stepAfterConsent, useKiosk } from './kiosk-store'
import { LevelMeter } from './LevelMeter'

/** A short two-note chime through the same audio output the interviewer will use. */
function playChime(context: AudioContext): Promise<void> {
  const start = context.currentTime + 0.05
  for (const [offset, frequency] of [
    [0, 660],
    [0.35, 880],
  ] as const) {
    const oscillator = context.createOscillator()
    const gain = context.createGain()
    oscillator.frequency.value = frequency
    gain.gain.setValueAtTime(0, start + offset)
    gain.gain.linearRampToValueAtTime(0.3, start + offset + 0.03)
    gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.3)
    oscillator.connect(gain).connect(context.destination)
    oscillator.start(start + offset)
    oscillator.stop(start + offset + 0.32)
  }
  return new Promise((resolve) => setTimeout(resolve, 750))
}

/** How long the device check listens before it offers help and typed answers. */
export const MIC_HELP_AFTER_MS = 8000

/** Camera preview, microphone level and a speaker test, before anything is asked. */
export function DeviceCheck() {
  const { mic, session, go, update, setTypedAnswers } = useKiosk()
  const [stillSilent, setStillSilent] = useState(false)
  const video = useRef<HTMLVideoElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const [heard, setHeard] = useState(false)
  const [speaker, setSpeaker] = useState<'untested' | 'playing' | 'asked' | 'ok' | 'not-heard'>('untested')

  useEffect(() => heading.current?.focus(), [])
  useEffect(() => {
    if (video.current && mic?.hasVideo) video.current.srcObject = mic.stream
  }, [mic])
  const onVoice = useCallback(() => setHeard(true), [])
  useEffect(() => {
    if (heard) return
    const timer = setTimeout(() => setStillSilent(true), MIC_HELP_AFTER_MS)
    return () => clearTimeout(timer)
  }, [heard])
  const typeInstead = () => {
    setTypedAnswers(true)
    update({ devicesChecked: true, practiced: true })
    // The practice question is spoken; typed answers go straight to the interview.
    go('interview')
  }
  const proceed = () => {
    if (!session) return
    update({ devicesChecked: true })
    // A candidate resuming by code has practised already: back to the question they were on.
    go(stepAfterConsent({ ...session, devicesChecked: true }))
  }

  if (!mic) return null
  const test = async () => {
    setSpeaker('playing')
    await playChime(mic.context)
    setSpeaker('asked')
  }

  return (
    <main className="kiosk-main" aria-labelledby="kiosk-devices-title">
      <h1 id="kiosk-devices-title" tabIndex={-1} ref={heading}>
        Let's check your camera, microphone and speakers
      </h1>
      <div className="kiosk-devices">
        <section aria-labelledby="kiosk-camera-title">
          <h2 id="kiosk-camera-title">Camera</h2>
          {mic.hasVideo ? (
            <video ref={video} className="kiosk-preview" autoPlay muted playsInline aria-label="Your camera preview" />
          ) : (
            <p>No camera was found. That is fine for questions you answer by voice.</p>
          )}
        </section>
        <section aria-labelledby="kiosk-mic-title">
          <h2 id="kiosk-mic-title">Microphone</h2>
          <p>Say a few words. The bar moves when we hear you.</p>
          <LevelMeter mic={mic} onVoice={onVoice} />
          <p role="status" className={heard ? 'kiosk-ok' : undefined}>
            {heard ? 'We can hear you.' : 'Waiting to hear you…'}
          </p>
          {!heard && stillSilent && (
            <div className="kiosk-help" role="alert">
              <p>We cannot hear you yet.</p>
              <ul>
                <li>Check that the microphone is plugged in and not muted.</li>
                <li>Speak a little louder, close to the computer.</li>
                <li>Ask the recruiter for help if the bar still does not move.</li>
              </ul>
              <p>You can also continue and type your answers instead. Nothing is lost by typing.</p>
              <button type="button" onClick={typeInstead}>
                Continue with typed answers
              </button>
            </div>
          )}
        </section>
        <section aria-labelledby="kiosk-speaker-title">
          <h2 id="kiosk-speaker-title">Speakers</h2>
          <button type="button" onClick={test} disabled={speaker === 'playing'}>
            Play test sound
          </button>
          {speaker === 'asked' && (
            <div role="group" aria-label="Did you hear the sound?" className="kiosk-actions">
              <p>Did you hear two notes?</p>
              <button type="button" onClick={() => setSpeaker('ok')}>
                I heard it
              </button>
              <button type="button" className="kiosk-secondary" onClick={() => setSpeaker('not-heard')}>
                I did not hear it
              </button>
            </div>
          )}
          <p role="status">
            {speaker === 'ok' && 'Your speakers work.'}
            {speaker === 'not-heard' &&
              'Please turn the volume up or ask the recruiter for help. Questions are also shown on the screen, so you can continue.'}
          </p>
        </section>
      </div>
      <div className="kiosk-actions">
        <button type="button" onClick={proceed} disabled={!heard || (speaker !== 'ok' && speaker !== 'not-heard')}>
          Continue
        </button>
      </div>
    </main>
  )
}
