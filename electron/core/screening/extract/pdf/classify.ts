import { contrast, toHex, UNREADABLE_CONTRAST, WHITE, type Rgb } from './colour'
import { containsBox, containsPoint, type Box } from './geometry'
import type { PageDrawing, PaintedRegion, TextPiece } from './page-walker'

/** Why a human reader does not see a piece of text; null when they do. */
export type Visibility = { hidden: false } | { hidden: true; detail: string }

const MIN_READABLE_PT = 2
const MIN_POINTS_PER_CHAR = 0.5
// Pages with a great many shapes (charts, vector art) are checked against the largest ones only.
const MAX_REGIONS = 4000
const VISIBLE: Visibility = { hidden: false }

/**
 * Decides, for each piece of text on a page, whether a reader of the rendered page could see it:
 * off the page, clipped away, under 2 pt, squeezed flat, invisible rendering mode, transparent, the
 * same colour as what is behind it, in a hidden layer, or painted over by a later shape or image.
 * Invisible text over an image is a scanned page's OCR layer and counts as visible.
 */
export function classifyPieces(drawing: PageDrawing, view: Box): Visibility[] {
  const regions = drawing.regions.length > MAX_REGIONS ? largest(drawing.regions, MAX_REGIONS) : drawing.regions
  return drawing.pieces.map((piece) => classify(piece, regions, view))
}

function classify(piece: TextPiece, regions: readonly PaintedRegion[], view: Box): Visibility {
  if (piece.inHiddenLayer) return { hidden: true, detail: 'in a layer that is switched off' }
  const cx = (piece.box[0] + piece.box[2]) / 2
  const cy = (piece.box[1] + piece.box[3]) / 2
  if (!containsPoint(view, cx, cy, 1)) return { hidden: true, detail: 'placed outside the page' }
  if (piece.clip && !containsPoint(piece.clip, cx, cy, 1)) return { hidden: true, detail: 'clipped out of view' }
  if (piece.size < MIN_READABLE_PT) return { hidden: true, detail: `font size ${piece.size.toFixed(1)} pt` }
  const length = Math.hypot(piece.endX - piece.x, piece.endY - piece.y)
  const chars = piece.text.replace(/\s/g, '').length
  if (chars >= 3 && length / chars < MIN_POINTS_PER_CHAR) return { hidden: true, detail: 'squeezed to almost no width' }
  const behind = backgroundAt(regions, piece.order, cx, cy)
  const invisibleMode = piece.renderMode === 3 || piece.renderMode === 7
  if (invisibleMode) return behind?.colour === null ? VISIBLE : { hidden: true, detail: 'drawn in invisible text mode' }
  if (piece.alpha < 0.1) return { hidden: true, detail: 'fully transparent' }
  if (piece.colour && behind?.colour !== null) {
    const background: Rgb = behind?.colour ?? WHITE
    if (contrast(piece.colour, background) < UNREADABLE_CONTRAST) {
      return { hidden: true, detail: `text colour ${toHex(piece.colour)} on a ${toHex(background)} background` }
    }
  }
  const cover = regions.find(
    (region) => region.order > piece.order && region.opaque && containsBox(region.box, piece.box, 1),
  )
  if (cover)
    return {
      hidden: true,
      detail: cover.colour ? 'covered by a shape drawn over it' : 'covered by an image drawn over it',
    }
  return VISIBLE
}

/** The last region painted before `order` under the point, if any (undefined = bare page). */
function backgroundAt(
  regions: readonly PaintedRegion[],
  order: number,
  x: number,
  y: number,
): PaintedRegion | undefined {
  for (let index = regions.length - 1; index >= 0; index--) {
    const region = regions[index]!
    if (region.order < order && containsPoint(region.box, x, y)) return region
  }
  return undefined
}

function largest(regions: readonly PaintedRegion[], count: number): PaintedRegion[] {
  const area = (box: Box) => (box[2] - box[0]) * (box[3] - box[1])
  return [...regions]
    .sort((a, b) => area(b.box) - area(a.box))
    .slice(0, count)
    .sort((a, b) => a.order - b.order)
}
