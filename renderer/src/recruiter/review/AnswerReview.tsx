import { useRef, useState } from 'react'
import type {
  AnswerScoreView,
  AnswerView,
  RecordingView,
  ScoreOverrideView,
} from '../../../../shared/contract/interviews'
import { AnswerPlayer } from './AnswerPlayer'
import { DIMENSION_LABELS } from './labels'
import { standingOverride } from './overrides'
import { ScoreCell } from './ScoreCell'
import { Transcript } from './Transcript'

interface Props {
  answer: AnswerView
  /** This answer's scores in the assessment on screen; undefined before any assessment. */
  scores: AnswerScoreView | undefined
  assessmentId: string | null
  recordings: RecordingView[]
  overrides: ScoreOverrideView[]
  onOverridden(override: ScoreOverrideView): void
}

/** One question: its recording, the transcript synced to it, and the scorecard with its evidence. */
export function AnswerReview({ answer, scores, assessmentId, recordings, overrides, onOverridden }: Props) {
  const mediaRef = useRef<HTMLMediaElement | null>(null)
  const [time, setTime] = useState<number | null>(null)
  const label = `answer ${answer.turnIndex + 1}`
  const quotes = scores?.scores.flatMap((s) => s.quotes.map((q) => q.text)) ?? []
  const seek = (seconds: number) => {
    const media = mediaRef.current
    if (!media) return
    media.currentTime = seconds
    setTime(seconds)
  }
  const playable = recordings.length > 0

  return (
    <article className="review-answer" aria-labelledby={`answer-${answer.id}`}>
      <h3 id={`answer-${answer.id}`}>
        {answer.turnIndex + 1}. {answer.isFollowUp ? 'Follow-up: ' : ''}
        {answer.questionText}
      </h3>
      <p className="muted">
        {answer.skill ? `${answer.skill} · ` : ''}
        {answer.inputMode === 'text' ? 'typed' : 'spoken'}
      </p>
      {answer.skipped ? (
        <p>Skipped by the candidate.</p>
      ) : (
        <>
          <AnswerPlayer
            recordings={recordings}
            mediaRef={mediaRef}
            onTime={setTime}
            audioPath={answer.audioPath}
            label={label}
          />
          {answer.transcriptPending ? (
            <p className="muted">The transcript is still being made; the words appear once it is done.</p>
          ) : (
            <Transcript
              text={answer.text}
              words={answer.transcriptWords}
              quotes={quotes}
              time={time}
              onSeek={playable ? seek : null}
            />
          )}
        </>
      )}
      {scores && assessmentId && (
        <table className="scorecard" aria-label={`Scorecard for ${label}`}>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Score</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {scores.scores.map((s) => (
              <tr key={s.dimension}>
                <th scope="row">{DIMENSION_LABELS[s.dimension]}</th>
                <td>
                  <ScoreCell
                    assessmentId={assessmentId}
                    target={{ target: 'answer', answerId: answer.id, dimension: s.dimension }}
                    assessed={s.score}
                    override={standingOverride(overrides, assessmentId, answer.id, s.dimension)}
                    scale="/5"
                    label={`${DIMENSION_LABELS[s.dimension]} of ${label}`}
                    onOverridden={onOverridden}
                  />
                </td>
                <td>
                  {s.reason}
                  {!s.supported && <span className="unsupported"> · no verified quote backs this score</span>}
                  {s.quotes.length > 0 && (
                    <ul className="review-quotes">
                      {s.quotes.map((q, i) => (
                        <li key={i}>
                          <q>{q.text}</q>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  )
}
