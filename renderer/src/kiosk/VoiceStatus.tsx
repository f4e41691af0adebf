import type { VoiceView } from './useVoiceSession'

/** What is happening, in words, for everyone (a polite live region for screen readers). */
export function phaseText(view: VoiceView): string {
  if (!view.online) return 'Reconnecting to the interview… Your answers so far are saved.'
  switch (view.phase) {
    case 'connecting':
      return 'Connecting…'
    case 'speaking':
      return 'The interviewer is speaking. To interrupt, just start talking or press Interrupt.'
    case 'listening':
      return 'Listening. Answer when you are ready.'
    case 'thinking':
      return 'Thank you. One moment…'
    case 'practice_done':
      return 'That worked. You are ready to start.'
    case 'done':
      return 'The interview is complete.'
    case 'paused':
      return 'The interview is paused.'
  }
}

export function VoiceStatus({ view }: { view: VoiceView }) {
  return (
    <div className="kiosk-status-block">
      <p role="status" aria-live="polite" className={`kiosk-phase kiosk-phase-${view.online ? view.phase : 'offline'}`}>
        <span className="kiosk-phase-dot" aria-hidden="true" />
        {phaseText(view)}
      </p>
      {view.notice && (
        <p role="status" className="kiosk-notice">
          {view.notice}
        </p>
      )}
    </div>
  )
}

/** The candidate's words as they speak: a log region, announced politely. */
export function Captions({ text, captionsOn }: { text: string; captionsOn: boolean }) {
  return (
    <section className="kiosk-captions" aria-labelledby="kiosk-captions-title">
      <h2 id="kiosk-captions-title">Your answer</h2>
      <div
        role="log"
        aria-live="polite"
        aria-atomic="false"
        className="kiosk-caption-text"
        data-testid="captions"
        data-heard={text ? 'yes' : 'no'}
      >
        {text ||
          (captionsOn ? (
            <span className="kiosk-muted">Your words appear here as you speak.</span>
          ) : (
            <span className="kiosk-muted">Live captions are off; your answer is still recorded.</span>
          ))}
      </div>
    </section>
  )
}

/** What the interviewer is saying; nothing at all until there are words (an interrupted reply may have none). */
export function InterviewerWords({ text }: { text: string }) {
  if (!text) return null
  return (
    <p className="kiosk-interviewer" aria-live="off" data-testid="interviewer-words">
      <span className="kiosk-muted">Interviewer: </span>
      {text}
    </p>
  )
}
