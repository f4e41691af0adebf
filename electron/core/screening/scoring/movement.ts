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
  const old = new Map<string, number>()
  before.forEach((placed, i) => old.set(placed.candidateId, i))
  // Counted in one pass without a record per candidate: a pool of 10,000 is compared on every preview.
  let movedUp = 0
  let movedDown = 0
  for (let i = 0; i < after.length; i++) {
    const was = old.get(after[i]!.candidateId)
    if (was !== undefined && was > i) movedUp++
    if (was !== undefined && was < i) movedDown++
  }
  const moveAt = (i: number): UnnamedMove => {
    const placed = after[i]!
    const was = old.get(placed.candidateId)
    return {
      candidateId: placed.candidateId,
      oldRank: was === undefined ? null : was + 1,
      newRank: i + 1,
      oldScore: was === undefined ? null : before[was]!.score,
      score: placed.score,
    }
  }
  const top = after.slice(0, topSize).map((_, i) => moveAt(i))
  const oldTop = new Set(before.slice(0, topSize).map((placed) => placed.candidateId))
  const left: UnnamedMove[] = []
  for (let i = topSize; i < after.length && left.length < oldTop.size; i++) {
    if (oldTop.has(after[i]!.candidateId)) left.push(moveAt(i))
  }
  return {
    topSize,
    movedUp,
    movedDown,
    top,
    entered: top.filter((move) => move.oldRank === null || move.oldRank > topSize),
    // By their old place, as the list showed them before.
    left: left.sort((a, b) => a.oldRank! - b.oldRank!),
  }
}

/** Ranks as the candidate list shows them: best score first, ties by candidate id. */
export function byScoreThenId(a: Placed, b: Placed): number {
  return b.score - a.score || (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0)
}
