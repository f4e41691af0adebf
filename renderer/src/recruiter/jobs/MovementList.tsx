import { useId } from 'react'
import type { RankMove, RankMovement } from '../../../../shared/contract/screening'
import { formatScore, moveMark, moveWords } from './movement-text'

function direction(move: RankMove): string {
  if (move.oldRank === null) return 'new'
  if (move.oldRank > move.newRank) return 'up'
  return move.oldRank < move.newRank ? 'down' : 'same'
}

function MoveRow({ move }: { move: RankMove }) {
  return (
    <li className={`move move-${direction(move)}`}>
      <span className="move-name">{move.name || 'Unnamed candidate'}</span>
      <span className="move-mark" aria-hidden="true">
        {moveMark(move)}
      </span>
      <span className="visually-hidden">{moveWords(move)}</span>
      <span className="move-score">
        score {formatScore(move.score)}
        {move.oldScore !== null && move.oldScore !== move.score && ` (was ${formatScore(move.oldScore)})`}
      </span>
    </li>
  )
}

/** The top of the list with each candidate's old and new place, and who dropped out of it. */
export function MovementList({ moved, caption }: { moved: RankMovement; caption: string }) {
  const id = useId()
  return (
    <>
      <p className="moves-caption" id={`${id}-top`}>
        {caption}
      </p>
      <ol className="moves" aria-labelledby={`${id}-top`}>
        {moved.top.map((move) => (
          <MoveRow key={move.candidateId} move={move} />
        ))}
      </ol>
      {moved.left.length > 0 && (
        <>
          <p className="moves-caption" id={`${id}-left`}>
            Out of the top {moved.topSize}:
          </p>
          <ul className="moves" aria-labelledby={`${id}-left`}>
            {moved.left.map((move) => (
              <MoveRow key={move.candidateId} move={move} />
            ))}
          </ul>
        </>
      )}
    </>
  )
}
