import { useDroppable } from '@dnd-kit/core'
import type { BoardColumn as Column, BoardCard as Card, PipelineStatus } from '../../../../shared/contract/screening'
import { PIPELINE_LABELS } from '../candidates/labels'
import { BoardCard } from './BoardCard'

export interface ColumnProps {
  column: Column
  jobId: string
  now: number
  canMove: boolean
  onMove(card: Card, to: PipelineStatus): void
}

/** One stage: its count, and its candidates best score first. */
export function BoardColumn({ column, jobId, now, canMove, onMove }: ColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: column.status })
  const label = PIPELINE_LABELS[column.status]
  const hidden = column.count - column.cards.length
  return (
    <section
      ref={setNodeRef}
      className={`board-column${isOver ? ' over' : ''}`}
      aria-labelledby={`column-${column.status}`}
      data-testid={`column-${column.status}`}
    >
      <h2 id={`column-${column.status}`}>
        {label} <span className="count">{column.count}</span>
      </h2>
      {column.cards.length === 0 ? (
        <p className="muted board-empty">No one here</p>
      ) : (
        <ol className="board-cards">
          {column.cards.map((card) => (
            <BoardCard
              key={card.applicationId}
              card={card}
              status={column.status}
              jobId={jobId}
              now={now}
              canMove={canMove}
              onMove={onMove}
            />
          ))}
        </ol>
      )}
      {hidden > 0 && <p className="muted">and {hidden} more in the ranked list</p>}
    </section>
  )
}
