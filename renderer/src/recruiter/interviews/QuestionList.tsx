import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react'
import type { QuestionView } from '../../../../shared/contract/interviews'
import { DIFFICULTY_LABELS, formatSeconds, QUESTION_TYPE_LABELS } from './labels'
import { moveItem } from './reorder'

interface Props {
  questions: QuestionView[]
  /** Only a draft's questions can be moved, edited or removed. */
  editable: boolean
  onReorder(order: string[]): void
  onEdit(question: QuestionView): void
  onRemove(question: QuestionView): void
}

type DropMark = { index: number; after: boolean } | null

/**
 * The template's questions in asking order. Reordered by dragging a row, or from the keyboard:
 * Alt+Arrow Up/Down on a row's handle (or the Move buttons); each move is announced.
 */
export function QuestionList({ questions, editable, onReorder, onEdit, onRemove }: Props) {
  const [dragging, setDragging] = useState<number | null>(null)
  const [mark, setMark] = useState<DropMark>(null)
  const [announcement, setAnnouncement] = useState('')
  const handles = useRef(new Map<string, HTMLButtonElement>())

  const move = (from: number, to: number) => {
    if (to < 0 || to >= questions.length || from === to) return
    const next = moveItem(questions, from, to)
    const moved = questions[from]!
    onReorder(next.map((q) => q.id))
    setAnnouncement(`Moved “${moved.text.slice(0, 60)}” to position ${to + 1} of ${questions.length}`)
    // Keep focus on the moved question's handle so repeated presses keep moving it.
    requestAnimationFrame(() => handles.current.get(moved.id)?.focus())
  }

  const onHandleKey = (event: KeyboardEvent, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return
    event.preventDefault()
    move(index, event.key === 'ArrowUp' ? index - 1 : index + 1)
  }

  const onDragOver = (event: DragEvent<HTMLLIElement>, index: number) => {
    if (dragging === null) return
    event.preventDefault()
    const box = event.currentTarget.getBoundingClientRect()
    setMark({ index, after: event.clientY > box.top + box.height / 2 })
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    if (dragging !== null && mark) {
      const target = mark.index + (mark.after ? 1 : 0)
      move(dragging, target > dragging ? target - 1 : target)
    }
    setDragging(null)
    setMark(null)
  }

  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {editable && questions.length > 1 && (
        <p className="muted">Drag a question by its handle, or focus the handle and press Alt+↑ / Alt+↓ to move it.</p>
      )}
      <ol className="question-list" data-testid="question-list">
        {questions.map((q, index) => (
          <li
            key={q.id}
            className={[
              'question-item',
              dragging === index ? 'dragging' : '',
              mark?.index === index ? (mark.after ? 'drop-after' : 'drop-before') : '',
            ].join(' ')}
            draggable={editable}
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move'
              event.dataTransfer.setData('text/plain', q.id)
              setDragging(index)
            }}
            onDragOver={(event) => onDragOver(event, index)}
            onDrop={onDrop}
            onDragEnd={() => {
              setDragging(null)
              setMark(null)
            }}
          >
            {editable ? (
              <button
                type="button"
                className="drag-handle"
                ref={(el) => {
                  if (el) handles.current.set(q.id, el)
                  else handles.current.delete(q.id)
                }}
                aria-label={`Question ${index + 1}: move with Alt+Arrow keys`}
                onKeyDown={(event) => onHandleKey(event, index)}
              >
                ⠿ {index + 1}
              </button>
            ) : (
              <span className="muted">{index + 1}</span>
            )}
            <div>
              <div>{q.text}</div>
              <div className="question-meta">
                <span className="tag">{QUESTION_TYPE_LABELS[q.type]}</span>
                <span className="tag">{DIFFICULTY_LABELS[q.difficulty]}</span>
                {q.skill && <span className="tag">{q.skill}</span>}
                <span className="tag">{formatSeconds(q.timeLimitSec)}</span>
                {q.prepTimeSec > 0 && <span className="tag">{formatSeconds(q.prepTimeSec)} to prepare</span>}
                {q.retakesAllowed > 0 && (
                  <span className="tag">
                    {q.retakesAllowed} retake{q.retakesAllowed > 1 ? 's' : ''}
                  </span>
                )}
                {q.source === 'generated' && <span className="tag">AI draft</span>}
                {q.rubric.length === 0 ? (
                  <span className="tag tag-warn">No rubric</span>
                ) : (
                  <span className="tag">{q.rubric.length} rubric criteria</span>
                )}
              </div>
            </div>
            {editable && (
              <div className="row">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => move(index, index - 1)}
                  disabled={index === 0}
                  aria-label={`Move question ${index + 1} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => move(index, index + 1)}
                  disabled={index === questions.length - 1}
                  aria-label={`Move question ${index + 1} down`}
                >
                  ↓
                </button>
                <button type="button" className="secondary" onClick={() => onEdit(q)}>
                  Edit
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => onRemove(q)}
                  aria-label={`Remove question ${index + 1}`}
                >
                  Remove
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </>
  )
}
