import { Link } from 'react-router-dom'
import type { BoardMove } from '../../../../shared/contract/screening'
import { PIPELINE_LABELS } from '../candidates/labels'

/** Who moved whom and when, newest first. */
export function BoardActivity({ moves, jobId }: { moves: BoardMove[]; jobId: string }) {
  return (
    <section aria-labelledby="board-activity" className="board-activity">
      <h2 id="board-activity">Activity</h2>
      {moves.length === 0 ? (
        <p className="muted">No one has been moved yet.</p>
      ) : (
        <ol data-testid="board-activity">
          {moves.map((move) => (
            <li key={`${move.applicationId}-${move.at}-${move.to}`}>
              <Link to={`/jobs/${jobId}/candidates/${move.candidateId}`}>{move.candidateName}</Link>
              {move.kind === 'undo' ? ' moved back ' : ' moved '}
              {move.from ? `from ${PIPELINE_LABELS[move.from]} ` : ''}to {PIPELINE_LABELS[move.to]}
              {move.by ? ` by ${move.by}` : ''}{' '}
              <time className="muted" dateTime={new Date(move.at).toISOString()}>
                {new Date(move.at).toLocaleString()}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
