import type { KeyboardCoordinateGetter } from '@dnd-kit/core'

/**
 * Left and right arrows carry a picked-up card one whole column at a time (dnd-kit's default moves
 * it 25 pixels a press, which takes a dozen presses per stage); other keys leave it where it is.
 */
export const columnByColumn: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0
  if (!step) return undefined
  event.preventDefault()
  const card = context.collisionRect
  const columns = [...context.droppableRects.values()].sort((a, b) => a.left - b.left)
  if (!card || !columns.length) return undefined
  const middle = card.left + card.width / 2
  const here = columns.findIndex((rect) => middle >= rect.left && middle < rect.right)
  const next = columns[Math.min(columns.length - 1, Math.max(0, (here < 0 ? 0 : here) + step))]!
  // Near the column's top: a short column would miss a card carried across at the height it started.
  return { x: next.left + (next.width - card.width) / 2, y: Math.min(currentCoordinates.y, next.top + 32) }
}
