import type { Kysely } from 'kysely'
import {
  MAIN_PATH,
  pipelineStatusSchema,
  type FunnelView,
  type PipelineStatus,
} from '../../../../shared/contract/screening'
import { readStatus } from '../candidates/applications'
import type { Database } from '../../db/schema'

function median(values: number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

interface Timeline {
  addedAt: number
  status: PipelineStatus
  moves: { from: PipelineStatus | null; to: PipelineStatus; at: number; undo: boolean }[]
}

/** One job's applications, or every job's when `jobId` is null. */
async function timelines(db: Kysely<Database>, jobId: string | null): Promise<Timeline[]> {
  let applications = db
    .selectFrom('applications')
    .select(['id', 'status', 'created_at'])
    .where('deleted_at', 'is', null)
  if (jobId) applications = applications.where('job_id', '=', jobId)
  const rows = await applications.execute()
  const byId = new Map<string, Timeline>(
    rows.map((a) => [a.id, { addedAt: a.created_at, status: readStatus(a.status)!, moves: [] }]),
  )
  if (!byId.size) return []
  let moves = db
    .selectFrom('status_changes as sc')
    .innerJoin('applications as a', 'a.id', 'sc.application_id')
    .select(['sc.application_id', 'sc.from_status', 'sc.to_status', 'sc.created_at', 'sc.kind'])
    .where('a.deleted_at', 'is', null)
    .where('sc.deleted_at', 'is', null)
  if (jobId) moves = moves.where('a.job_id', '=', jobId)
  for (const move of await moves.orderBy('sc.created_at').orderBy('sc.id').execute()) {
    byId.get(move.application_id)?.moves.push({
      from: readStatus(move.from_status),
      to: readStatus(move.to_status)!,
      at: move.created_at,
      undo: move.kind === 'undo',
    })
  }
  return [...byId.values()]
}

/** The moves that stand: an undo takes back the move before it, as if it had not been made. */
function standing(moves: Timeline['moves']): Timeline['moves'] {
  const kept: Timeline['moves'] = []
  for (const move of moves) {
    if (move.undo) kept.pop()
    else kept.push(move)
  }
  return kept
}

/** Every stage an application has been in, with each completed stay's length. */
function walk(timeline: Timeline): { reached: Set<PipelineStatus>; stays: [PipelineStatus, number][] } {
  const moves = standing(timeline.moves)
  const reached = new Set<PipelineStatus>([timeline.status])
  const stays: [PipelineStatus, number][] = []
  // An application's first change is usually its import (from nothing); one without any began where it is now.
  let current: PipelineStatus | null = moves.length ? moves[0]!.from : timeline.status
  let since = timeline.addedAt
  for (const move of moves) {
    if (current) reached.add(current)
    reached.add(move.to)
    if (current && current !== move.to) stays.push([current, Math.max(0, move.at - since)])
    current = move.to
    since = move.at
  }
  // A candidate further along the main path passed through the stages before it.
  const furthest = Math.max(...[...reached].map((s) => MAIN_PATH.indexOf(s)))
  for (let i = 0; i <= furthest; i++) reached.add(MAIN_PATH[i]!)
  return { reached, stays }
}

async function scoreBands(db: Kysely<Database>, jobId: string | null): Promise<FunnelView['scoreBands']> {
  let query = db
    .selectFrom('application_scores as s')
    .innerJoin('applications as a', 'a.id', 's.application_id')
    .select('s.score')
    .where('a.deleted_at', 'is', null)
  if (jobId) query = query.where('a.job_id', '=', jobId)
  const rows = await query.execute()
  const bands = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i === 9 ? 100 : i * 10 + 9, count: 0 }))
  for (const { score } of rows) bands[Math.min(9, Math.max(0, Math.floor(score / 10)))]!.count++
  return bands
}

/** Conversion per stage along the main path, time spent in each stage, and how scores spread; every job's when `jobId` is null. */
export async function funnelView(db: Kysely<Database>, jobId: string | null): Promise<FunnelView> {
  const reached = new Map<PipelineStatus, number>(pipelineStatusSchema.options.map((s) => [s, 0]))
  const stays = new Map<PipelineStatus, number[]>(pipelineStatusSchema.options.map((s) => [s, []]))
  for (const timeline of await timelines(db, jobId)) {
    const walked = walk(timeline)
    for (const status of walked.reached) reached.set(status, reached.get(status)! + 1)
    for (const [status, ms] of walked.stays) stays.get(status)!.push(ms)
  }
  const stages = pipelineStatusSchema.options.map((status) => {
    const at = MAIN_PATH.indexOf(status)
    const before = at > 0 ? reached.get(MAIN_PATH[at - 1]!)! : 0
    return {
      status,
      reached: reached.get(status)!,
      conversion: at > 0 && before > 0 ? reached.get(status)! / before : null,
      medianStayMs: median(stays.get(status)!),
      stays: stays.get(status)!.length,
    }
  })
  return { jobId, stages, scoreBands: await scoreBands(db, jobId) }
}
