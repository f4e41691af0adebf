import type { RankMove, RankMovement } from '../../../../shared/contract/screening'

/** A candidate's place in an ordering: only who and the score are compared. */
export interface Placed {
  candidateId: string
  score: number
}

/** A move before the candidates' names are looked up. */
export type UnnamedMove = Omit<RankMove, 'name'>

export interface UnnamedMovement extends Omit<RankMovement, 'top' | 'entered' | 'left'> {
  top: UnnamedMove[]
  entered: UnnamedMove[]
  left: UnnamedMove[]
}

/**
 * Compares two orderings of one pool, each best first. A candidate only in `after` is new (no old
 * rank) and counts as neither up nor down; one only in `before` has left the pool and is not named.
 */
export function rankMovement(before: readonly Placed[], after: readonly Placed[], topSize: number): UnnamedMovement {
  const old = new Map(before.map((placed, i) => [placed.candidateId, { rank: i + 1, score: placed.score }]))
  let movedUp = 0
  let movedDown = 0
  const moves: UnnamedMove[] = after.map((placed, i) => {
    const was = old.get(placed.candidateId)
    const newRank = i + 1
    if (was && was.rank > newRank) movedUp++
    if (was && was.rank < newRank) movedDown++
    return {
      candidateId: placed.candidateId,
      oldRank: was?.rank ?? null,
      newRank,
      oldScore: was?.score ?? null,
      score: placed.score,
    }
  })
  const top = moves.slice(0, topSize)
  const byCandidate = new Map(moves.map((move) => [move.candidateId, move]))
  const left = before
    .slice(0, topSize)
    .map((placed) => byCandidate.get(placed.candidateId))
    .filter((move): move is UnnamedMove => move !== undefined && move.newRank > topSize)
  return {
    topSize,
    movedUp,
    movedDown,
    top,
    entered: top.filter((move) => move.oldRank === null || move.oldRank > topSize),
    left,
  }
}

/** Ranks as the candidate list shows them: best score first, ties by candidate id. */
export function byScoreThenId(a: Placed, b: Placed): number {
  return b.score - a.score || (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0)
}
