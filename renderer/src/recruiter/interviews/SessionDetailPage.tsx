import { useEffect } from 'react'
import { Link, useParams } from 'react-router-dom'
import { on } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { DIFFICULTY_LABELS, FINISH_REASON_LABELS, formatSeconds, formatTime, SESSION_STATUS_LABELS } from './labels'
import { PageLoading } from '../../components/PageLoading'

/** One interview: how far it went, each skill's boundary, and every answer as recorded. */
export function SessionDetailPage() {
  const { sessionId = '' } = useParams()
  const { data: session, error, reload } = useRequest('sessions.get', { id: sessionId })
  useEffect(() => on('interviews.session', (changed) => changed.id === sessionId && reload()), [sessionId, reload])

  if (!session) {
    return <PageLoading title="Interview session" error={error} />
  }
  const pendingSkills = session.skills.filter((s) => s.pending).length

  return (
    <section aria-labelledby="session-title">
      <p>
        <Link to="/interviews/sessions">← All sessions</Link>
      </p>
      <h1 id="session-title" tabIndex={-1}>
        {session.candidateName} · {session.templateName}
      </h1>
      <p>
        <span className="status">{SESSION_STATUS_LABELS[session.status]}</span>{' '}
        {session.finishReason && FINISH_REASON_LABELS[session.finishReason]} · started {formatTime(session.startedAt)} ·{' '}
        {session.mode === 'adaptive' ? 'adaptive (AI)' : 'scripted'} · template v{session.templateVersion}
      </p>
      {session.status !== 'in_progress' && (
        <p>
          <Link to={`/review/${session.id}`}>Review, assessment and decision →</Link>
        </p>
      )}

      <h2>Skill boundaries</h2>
      {pendingSkills > 0 && (
        <p className="muted" data-testid="boundaries-pending">
          Pending: {pendingSkills === 1 ? 'one skill waits' : `${pendingSkills} skills wait`} for answers still being
          transcribed. Their levels are settled once the words are known.
        </p>
      )}
      {session.skills.length === 0 ? (
        <p className="muted">No question has been concluded yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col">Highest level passed</th>
              <th scope="col">Lowest level failed</th>
              <th scope="col">Boundary found</th>
            </tr>
          </thead>
          <tbody>
            {session.skills.map((s) => (
              <tr key={s.skill}>
                <td>{s.skill}</td>
                <td>{s.highestPassed ? DIFFICULTY_LABELS[s.highestPassed] : '—'}</td>
                <td>{s.pending ? 'Pending' : s.lowestFailed ? DIFFICULTY_LABELS[s.lowestFailed] : '—'}</td>
                <td>{s.pending ? 'Pending' : s.resolved ? 'Yes' : 'Not yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Answers ({session.answers.length})</h2>
      <p className="muted">
        Answer quality here only steered the interview (follow-ups, difficulty). The assessment and the decision come
        later, by a person.
      </p>
      {session.answers.map((a) => (
        <article
          key={a.id}
          className={`answer-card${a.isFollowUp ? ' follow-up' : ''}`}
          aria-label={`Answer ${a.turnIndex + 1}`}
        >
          <h3>
            {a.isFollowUp ? 'Follow-up: ' : ''}
            {a.questionText}
          </h3>
          <p className="muted">
            {DIFFICULTY_LABELS[a.stage]}
            {a.skill ? ` · ${a.skill}` : ''} · {a.inputMode === 'text' ? 'typed' : 'spoken'} · responded after{' '}
            {formatSeconds(Math.round(a.responseDelayMs / 1000))}
            {a.speechMs > 0 ? ` · spoke ${formatSeconds(Math.round(a.speechMs / 1000))}` : ''}
            {a.pastedChars > 0 ? ` · ${a.pastedChars} characters pasted` : ''}
          </p>
          {a.skipped ? (
            <p>Skipped by the candidate.</p>
          ) : a.transcriptPending ? (
            <p className="muted" data-testid="transcript-pending">
              Transcript pending: the recording is queued for transcription. The answer is rated once its words are
              known.
            </p>
          ) : (
            <p>{a.text}</p>
          )}
          {a.quality !== null && !a.transcriptPending && (
            <p className="muted">
              Steering estimate {Math.round(a.quality * 100)}/100 (
              {a.qualitySource === 'ai' ? 'AI' : 'offline heuristic'}
              {a.qualityBy && `, ${a.qualityBy.model ?? 'model unknown'} with prompt ${a.qualityBy.prompt}`})
              {a.qualityNote ? `: ${a.qualityNote}` : ''}
            </p>
          )}
          {a.audioPath && <p className="muted">Recording: {a.audioPath}</p>}
        </article>
      ))}
    </section>
  )
}
