import { useEffect, useRef, useState } from 'react'
import type { Difficulty } from '../../../shared/contract/interviews'
import { useKiosk } from './kiosk-store'
import { LevelMeter } from './LevelMeter'
import { TextAnswer } from './TextAnswer'
import { useCameraRecorder } from './useCameraRecorder'
import { useExtendedScreen } from './useExtendedScreen'
import { useVoiceSession } from './useVoiceSession'
import { Captions, InterviewerWords, VoiceStatus } from './VoiceStatus'

const STAGE: Record<Difficulty, string> = { warm_up: 'Warm-up', standard: 'Main questions', advanced: 'In depth' }

const clock = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** Seconds since `since` (performance time), ticking once a second. */
function useSecondsSince(since: number | null): number {
  const [now, setNow] = useState(() => performance.now())
  useEffect(() => {
    if (since === null) return
    const timer = setInterval(() => setNow(performance.now()), 250)
    return () => clearInterval(timer)
  }, [since])
  return since === null ? 0 : Math.max(0, now - since) / 1000
}

/** The interview: the question, the interviewer's voice, live captions, a timer and the candidate's controls. */
export function InterviewScreen() {
  const { session, mic, turn: storedTurn, go, typedAnswers, setTypedAnswers } = useKiosk()
  const { view, controls } = useVoiceSession(false)
  const turn = view.turn ?? storedTurn
  const question = turn?.question ?? null
  // Typing belongs to one question: a new question returns to answering by voice.
  const [typingTurn, setTypingTurn] = useState<number | null>(null)
  const typing = question !== null && (typedAnswers || typingTurn === question.turnIndex)
  const setTyping = (on: boolean) => {
    setTypingTurn(on && question ? question.turnIndex : null)
    void controls.typing(on)
  }

  const heading = useRef<HTMLHeadingElement>(null)
  const answering = useSecondsSince(view.listeningSince)
  const listening = view.phase === 'listening'
  const turnIndex = question?.turnIndex ?? null
  // Without a working microphone every question is answered in text: the studio is told at each one
  // (again is harmless), so no silence or clock ends an answer being typed.
  useEffect(() => {
    if (typedAnswers && listening && turnIndex !== null) void controls.typing(true)
  }, [typedAnswers, listening, turnIndex, controls])

  useCameraRecorder(controls, mic, question?.turnIndex ?? null, listening && !typing && question?.recordVideo === true)

  useEffect(() => {
    if (view.phase === 'done') go('done')
  }, [view.phase, go])
  // A new question takes focus, so a screen reader reads it and keyboard users start from it.
  useEffect(() => {
    heading.current?.focus()
  }, [question?.turnIndex])

  // The interview's time left counts down between the studio's updates of it.
  const sinceTurn = useSecondsSince(turn?.status === 'in_progress' ? view.turnAt : null)
  const timeLeft = (turn?.remainingSec ?? 0) - sinceTurn

  if (!session || !turn) return null
  const limit = question ? question.timeLimitSec + question.prepTimeSec : 0
  const left = limit - answering

  return (
    <main className="kiosk-main kiosk-interview" aria-labelledby="kiosk-question">
      <header className="kiosk-interview-head">
        <span>{turn.title}</span>
        {question && (
          <span>
            Question {question.number} of {question.total}
            {question.isFollowUp ? ' (follow-up)' : ''} · {STAGE[question.stage]}
          </span>
        )}
        <span role="timer" aria-live="off">
          Interview time left {clock(timeLeft)}
        </span>
      </header>

      <h1 id="kiosk-question" className="kiosk-question" tabIndex={-1} ref={heading}>
        {question?.text ?? 'One moment…'}
      </h1>

      <VoiceStatus view={view} />
      {view.phase === 'paused' && <ContinueAfterPause />}

      {listening && question && (
        <p className="kiosk-timer" role="timer" aria-live="off" aria-label={`Time left to answer ${clock(left)}`}>
          Time left to answer <strong>{clock(left)}</strong>
        </p>
      )}

      <InterviewerWords text={view.interviewer} />

      {typing && question ? (
        <TextAnswer
          key={question.turnIndex}
          token={session.token}
          turnIndex={question.turnIndex}
          onSend={async (answer) => {
            await controls.textAnswer({ turnIndex: question.turnIndex, ...answer })
            setTyping(false)
          }}
          onCancel={() => {
            // Choosing to speak again after the device check heard nothing is the candidate's call.
            setTypedAnswers(false)
            setTyping(false)
          }}
        />
      ) : (
        <Captions text={view.caption} captionsOn={view.start?.captions ?? true} />
      )}

      <div className="kiosk-controls" role="group" aria-label="Interview controls">
        <button
          type="button"
          onClick={() => void controls.repeat()}
          disabled={view.phase === 'thinking' || view.phase === 'connecting' || view.phase === 'paused'}
        >
          Repeat the question
        </button>
        {question && question.retakesLeft > 0 && (
          <button type="button" onClick={() => void controls.retake()} disabled={!listening || typing}>
            Start my answer again ({question.retakesLeft} left)
          </button>
        )}
        <button type="button" onClick={() => void controls.interrupt()} disabled={view.phase !== 'speaking'}>
          Interrupt
        </button>
        <button type="button" onClick={() => void controls.endAnswer()} disabled={!listening || typing}>
          I have finished answering
        </button>
        {!typing && (
          <button
            type="button"
            className="kiosk-secondary"
            onClick={() => setTyping(true)}
            disabled={!question || view.phase === 'paused'}
          >
            Answer in text instead
          </button>
        )}
      </div>

      <aside className="kiosk-side" aria-label="Your devices">
        {mic && <LevelMeter mic={mic} />}
        {question?.recordVideo && mic?.hasVideo && <CameraPreview stream={mic.stream} recording={listening} />}
      </aside>
    </main>
  )
}

/**
 * A paused interview continues from the studio's saved state: reloading offers "Continue the
 * interview" at the same question. Not while a second screen is still connected.
 */
function ContinueAfterPause() {
  const extended = useExtendedScreen()
  return (
    <p className="kiosk-controls">
      <button type="button" onClick={() => window.location.reload()} disabled={extended}>
        Continue
      </button>
      {extended && <span className="kiosk-muted"> Disconnect the extra screen first.</span>}
    </p>
  )
}

function CameraPreview({ stream, recording }: { stream: MediaStream; recording: boolean }) {
  const video = useRef<HTMLVideoElement>(null)
  useEffect(() => {
    if (video.current) video.current.srcObject = stream
  }, [stream])
  return (
    <figure className="kiosk-camera">
      <video ref={video} autoPlay muted playsInline aria-label="Your camera" />
      <figcaption>{recording ? 'Recording video' : 'Camera on'}</figcaption>
    </figure>
  )
}
