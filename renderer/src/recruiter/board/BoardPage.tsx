import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core'
import { useEffect, useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import type { BoardCard as Card, BoardView, PipelineStatus } from '../../../../shared/contract/screening'
import { call, describeError, on } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { PageLoading } from '../../components/PageLoading'
import { PIPELINE_LABELS } from '../candidates/labels'
import { SkipStagesDialog } from '../candidates/SkipStagesDialog'
import { useSyncStatus } from '../workspace/useSyncStatus'
import { BoardActivity } from './BoardActivity'
import { BoardColumn } from './BoardColumn'
import { BoardFilters, type Filters } from './BoardFilters'
import { columnByColumn } from './column-keys'
import { FunnelPanel } from './FunnelPanel'
import { skippedStages } from './moves'
import './board.css'

/** A move waiting for the recruiter's answer to the skip-stage question. */
interface PendingMove {
  card: Card
  from: PipelineStatus
  to: PipelineStatus
  skipped: PipelineStatus[]
}

interface Moved {
  card: Card
  to: PipelineStatus
}

/** Moves a card between columns in a board already on screen, so a drop lands before the studio answers. */
function withMove(board: BoardView, card: Card, to: PipelineStatus): BoardView {
  return {
    ...board,
    columns: board.columns.map((column) => {
      const without = column.cards.filter((c) => c.applicationId !== card.applicationId)
      const had = without.length !== column.cards.length
      if (column.status === to) return { ...column, count: column.count + 1, cards: [card, ...without] }
      return had ? { ...column, count: column.count - 1, cards: without } : column
    }),
  }
}

const label = (id: unknown) => PIPELINE_LABELS[id as PipelineStatus] ?? 'no stage'

/** A job's pipeline as a board: drag (or choose) a stage to move a candidate, with undo and the team's moves. */
export function BoardPage() {
  const { jobId = '' } = useParams()
  const [filters, setFilters] = useState<Filters>({ search: '', minScore: '', tag: '' })
  const input = {
    jobId,
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
    ...(filters.minScore !== '' ? { minScore: Number(filters.minScore) } : {}),
    ...(filters.tag.trim() ? { tag: filters.tag.trim() } : {}),
  }
  const { data: board, error: loadError, setData, reload } = useRequest('board.get', input, { delayMs: 150 })
  const [showFunnel, setShowFunnel] = useState(false)
  const funnel = useRequest('board.funnel', showFunnel ? { jobId } : null)
  const [pending, setPending] = useState<PendingMove | null>(null)
  const [askSkips, setAskSkips] = useState(true)
  const [moved, setMoved] = useState<Moved | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnByColumn }),
  )

  useEffect(
    () =>
      on('pipeline.changed', (event) => {
        if (event.jobId !== jobId) return
        setNow(Date.now())
        reload()
      }),
    [jobId, reload],
  )
  // Teammates' moves arrive by sync, not as pipeline.changed: reload when they touch the pipeline.
  useEffect(
    () =>
      on('sync.changed', ({ tables }) => {
        if (!tables.includes('applications') && !tables.includes('status_changes')) return
        setNow(Date.now())
        reload()
      }),
    [reload],
  )
  // The server refuses a viewer's move whatever the app shows; the board just does not offer one.
  const [sync] = useSyncStatus()
  const canMove = !(sync?.workspace && sync.role === 'viewer')

  const commit = async (card: Card, from: PipelineStatus, to: PipelineStatus) => {
    setError(null)
    // The last move's Undo goes at once: clicked while this move is on its way, it would undo that one.
    setMoved(null)
    setData((current) => (current ? withMove(current, card, to) : current))
    try {
      await call('candidates.setStatus', { applicationId: card.applicationId, status: to })
      setMoved({ card, to })
    } catch (e) {
      setData((current) => (current ? withMove(current, card, from) : current))
      setError(`${card.name} stays in ${PIPELINE_LABELS[from]}: ${describeError(e)}`)
    }
    reload()
  }

  const move = (card: Card, from: PipelineStatus, to: PipelineStatus) => {
    if (from === to) return
    const skipped = skippedStages(from, to)
    if (skipped.length && askSkips) setPending({ card, from, to, skipped })
    else void commit(card, from, to)
  }

  const undo = async () => {
    if (!moved) return
    setMoved(null)
    try {
      await call('candidates.undoStatus', { applicationId: moved.card.applicationId })
    } catch (e) {
      setError(describeError(e))
    }
    reload()
  }

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const data = active.data.current as { card: Card; status: PipelineStatus } | undefined
    if (!data || !over) return
    move(data.card, data.status, over.id as PipelineStatus)
  }

  const name = (active: { data: { current?: unknown } }) =>
    (active.data.current as { card?: Card } | undefined)?.card?.name ?? 'The candidate'
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${name(active)}. Use the arrow keys to choose a stage, Space to drop.`,
    onDragOver: ({ active, over }) => `${name(active)} is over ${label(over?.id)}.`,
    onDragEnd: ({ active, over }) =>
      over ? `${name(active)} dropped on ${label(over.id)}.` : `${name(active)} put back.`,
    onDragCancel: ({ active }) => `Moving ${name(active)} cancelled; they stay where they were.`,
  }

  if (!board) return <PageLoading title="Pipeline board" error={loadError} />
  const total = board.columns.reduce((sum, column) => sum + column.count, 0)

  return (
    <section aria-labelledby="board-title" className="board-page">
      <p>
        <Link to={`/jobs/${jobId}`}>← {board.jobTitle}</Link>
      </p>
      <header className="page-header">
        <h1 id="board-title" tabIndex={-1}>
          Pipeline · {board.jobTitle}
        </h1>
        <div className="row">
          <button
            type="button"
            className="secondary"
            aria-expanded={showFunnel}
            onClick={() => setShowFunnel((v) => !v)}
          >
            {showFunnel ? 'Hide funnel' : 'Show funnel'}
          </button>
        </div>
      </header>
      <BoardFilters filters={filters} onChange={setFilters} total={total} />
      <ErrorText error={error ?? loadError} />
      {moved && (
        <p role="status" className="board-moved">
          Moved {moved.card.name} to {PIPELINE_LABELS[moved.to]}.{' '}
          <button type="button" className="link" onClick={() => void undo()}>
            Undo
          </button>
        </p>
      )}
      {!canMove && <p className="muted">Viewers cannot move candidates.</p>}
      {showFunnel && funnel.data && <FunnelPanel funnel={funnel.data} />}
      <ErrorText error={showFunnel ? funnel.error : null} />
      <DndContext
        sensors={sensors}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              'To move a candidate, press Space, choose a stage with the arrow keys and press Space again; Escape cancels. Each card also has a stage list.',
          },
        }}
      >
        <div className="board-columns">
          {board.columns.map((column) => (
            <BoardColumn
              key={column.status}
              column={column}
              jobId={jobId}
              now={now}
              canMove={canMove}
              onMove={(card, to) => move(card, column.status, to)}
            />
          ))}
        </div>
      </DndContext>
      <BoardActivity moves={board.activity} jobId={jobId} />
      {pending && (
        <SkipStagesDialog
          candidateName={pending.card.name}
          to={pending.to}
          skipped={pending.skipped}
          offerDontAsk
          onConfirm={(dontAskAgain) => {
            setPending(null)
            if (dontAskAgain) setAskSkips(false)
            void commit(pending.card, pending.from, pending.to)
          }}
          onCancel={() => setPending(null)}
        />
      )}
    </section>
  )
}
