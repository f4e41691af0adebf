import type { RankMovement } from '../../../../shared/contract/screening'
import type { Direct } from '../../db/direct'
import type { Placed, UnnamedMovement } from '../scoring/movement'

/** The job's ranking as last stored, in the candidate list's order (best score first, ties by id). */
export function storedRanking(direct: Direct, jobId: string): Placed[] {
  return direct.all<Placed>(
    'select candidate_id as candidateId, score from application_scores where job_id = ? order by score desc, candidate_id',
    [jobId],
  )
}

/** Puts names to the few candidates a movement lists (the top and those who left it). */
export function nameMovement(direct: Direct, movement: UnnamedMovement): RankMovement {
  const ids = [...new Set([...movement.top, ...movement.left].map((move) => move.candidateId))]
  const rows = ids.length
    ? direct.all<{ id: string; name: string }>(
        `select id, name from candidates where id in (${ids.map(() => '?').join(', ')})`,
        ids,
      )
    : []
  const names = new Map(rows.map((row) => [row.id, row.name]))
  const named = <T extends { candidateId: string }>(move: T) => ({ ...move, name: names.get(move.candidateId) ?? '' })
  return {
    ...movement,
    top: movement.top.map(named),
    entered: movement.entered.map(named),
    left: movement.left.map(named),
  }
}
