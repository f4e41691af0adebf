import { useEffect, useRef } from 'react'
import { PRACTICE_QUESTION } from '../../../shared/contract/kiosk'
import { useKiosk } from './kiosk-store'
import { LevelMeter } from './LevelMeter'
import { useVoiceSession } from './useVoiceSession'
import { Captions, InterviewerWords, VoiceStatus } from './VoiceStatus'

/** A practice question that is heard and captioned but never saved, so the first real answer is not the first try. */
export function Practice() {
  const { mic, update, go } = useKiosk()
  const { view, controls } = useVoiceSession(true)
  const heading = useRef<HTMLHeadingElement>(null)
  const startButton = useRef<HTMLButtonElement>(null)
  const ready = view.phase === 'practice_done'

  useEffect(() => heading.current?.focus(), [])
  useEffect(() => {
    if (ready) startButton.current?.focus()
  }, [ready])

  const start = () => {
    update({ practiced: true })
    go('interview')
  }

  return (
    <main className="kiosk-main" aria-labelledby="kiosk-practice-title">
      <h1 id="kiosk-practice-title" tabIndex={-1} ref={heading}>
        Practice question
      </h1>
      <p className="kiosk-question">{PRACTICE_QUESTION}</p>
      <VoiceStatus view={view} />
      <InterviewerWords text={view.interviewer} />
      <Captions text={view.caption} captionsOn={view.start?.captions ?? true} />
      {mic && <LevelMeter mic={mic} />}
      <div className="kiosk-actions">
        {view.phase === 'speaking' && (
          <button type="button" className="kiosk-secondary" onClick={() => void controls.interrupt()}>
            Interrupt
          </button>
        )}
        {view.phase === 'listening' && (
          <button type="button" className="kiosk-secondary" onClick={() => void controls.endAnswer()}>
            I have finished answering
          </button>
        )}
        <button type="button" ref={startButton} onClick={start} className={ready ? undefined : 'kiosk-secondary'}>
          {ready ? 'Start the interview' : 'Skip practice and start'}
        </button>
      </div>
    </main>
  )
}
