import { useDraggable } from '@dnd-kit/core'
import { Link } from 'react-router-dom'
import type { BoardCard as Card, PipelineStatus } from '../../../../shared/contract/screening'
import { StatusSelect } from '../candidates/StatusSelect'
import { stayText } from './moves'

export interface CardProps {
  card: Card
  status: PipelineStatus
  jobId: string
  now: number
  canMove: boolean
  onMove(card: Card, to: PipelineStatus): void
}

/**
 * One candidate on the board. The whole card drags (pointer, or Space then arrows with the
 * keyboard); its stage list moves it without dragging, for anyone who prefers a list.
 */
export function BoardCard({ card, status, jobId, now, canMove, onMove }: CardProps) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: card.applicationId,
    data: { card, status },
    disabled: !canMove,
  })
  const style = transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined
  return (
    <li
      ref={setNodeRef}
      className={`board-card${isDragging ? ' dragging' : ''}`}
      style={style}
      data-testid="board-card"
      data-candidate={card.name}
    >
      {canMove && (
        <div
          className="board-card-grip"
          {...listeners}
          {...attributes}
          aria-label={`Move ${card.name}`}
          aria-roledescription="draggable candidate"
        >
          <span aria-hidden="true">⠿</span>
        </div>
      )}
      <div className="board-card-body">
        <Link to={`/jobs/${jobId}/candidates/${card.candidateId}`} className="board-card-name">
          {card.name}
        </Link>
        {card.currentTitle && <span className="muted">{card.currentTitle}</span>}
        <span className="board-card-facts">
          {card.score !== null && <span title="Screening score">{Math.round(card.score)}</span>}
          <span className="muted" title="Time in this stage">
            {stayText(card.inStageSince, now)}
          </span>
          {card.tags.slice(0, 3).map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </span>
        {canMove && (
          <StatusSelect
            label={`Stage of ${card.name}`}
            value={status}
            onChange={(to) => to !== status && onMove(card, to)}
          />
        )}
      </div>
    </li>
  )
}
