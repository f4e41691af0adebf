import type { RankMove, RankMovement } from '../../../../shared/contract/screening'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * One sentence for the whole movement, read out by screen readers as it changes. A preview speaks of
 * what saving would do; a saved re-rank of what it did.
 */
export function movementSentence(moved: RankMovement, when: 'preview' | 'saved'): string {
  const { movedUp, movedDown, entered, left, topSize } = moved
  if (!movedUp && !movedDown && !entered.length && !left.length) {
    return when === 'preview' ? 'No one would move with these settings.' : 'No one moved.'
  }
  const verb =
    when === 'preview' ? { up: 'would move up', down: 'would move down' } : { up: 'moved up', down: 'moved down' }
  const parts = [`${movedUp} ${verb.up}`, `${movedDown} ${verb.down}`]
  if (entered.length) {
    const enter = when === 'preview' ? 'would enter' : 'entered'
    parts.push(`${plural(entered.length, 'candidate', 'candidates')} ${enter} the top ${topSize}`)
  }
  if (left.length) parts.push(`${left.length} ${when === 'preview' ? 'would leave' : 'left'} it`)
  return `${parts.join(', ')}.`
}

/** The move as shown: "↑ 4 → 1", "↓ 2 → 7", "new → 3" or "= 5". */
export function moveMark(move: Pick<RankMove, 'oldRank' | 'newRank'>): string {
  const { oldRank, newRank } = move
  if (oldRank === null) return `new → ${newRank}`
  if (oldRank === newRank) return `= ${newRank}`
  return `${oldRank > newRank ? '↑' : '↓'} ${oldRank} → ${newRank}`
}

/** The move in words, for screen readers (arrows are read out inconsistently). */
export function moveWords(move: Pick<RankMove, 'oldRank' | 'newRank'>): string {
  const { oldRank, newRank } = move
  if (oldRank === null) return `new, at ${newRank}`
  if (oldRank === newRank) return `stays at ${newRank}`
  return `${oldRank > newRank ? 'up' : 'down'} from ${oldRank} to ${newRank}`
}

export const formatScore = (score: number | null) => (score === null ? '—' : score.toFixed(1))
