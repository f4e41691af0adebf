import { parseHex, type Rgb } from './colour'
import { dingbat } from './dingbats'
import { IDENTITY, boxArea, intersectBox, multiply, transformBox, apply, type Box, type Matrix } from './geometry'

/** A run of text drawn by one text-showing operator, with what decides whether a reader sees it. */
export interface TextPiece {
  text: string
  /** Baseline start and end in page (user) space. */
  x: number
  y: number
  endX: number
  endY: number
  /** Font size as it lands on the page, in points. */
  size: number
  /** Where its first word and its second end along the baseline (page x; fewer for fewer words). */
  wordEnds: number[]
  /**
   * A space was drawn on its own just before it. Chromium draws the space between two words apart,
   * and kerning can bring the next word nearer than a space's width ("QA Analyst").
   */
  spaceBefore?: boolean
  /** The font it is set in (the same object for every piece set in one font of the page). */
  font: FontMetrics | null
  box: Box
  /** Position in the page's drawing order. */
  order: number
  /** Null when painted with a pattern or shading: its colour is not known. */
  colour: Rgb | null
  alpha: number
  renderMode: number
  inHiddenLayer: boolean
  /** The box, in page space, of the clipping paths in force (null: none): nothing outside it shows. */
  clip: Box | null
}

/** A filled shape or an image: a possible background, or something drawn over text. */
export interface PaintedRegion {
  box: Box
  order: number
  /** Null for images: their colours are not read. */
  colour: Rgb | null
  opaque: boolean
}

export interface PageDrawing {
  pieces: TextPiece[]
  regions: PaintedRegion[]
}

/** The numbers pdf.js gives its operators (pdfjs `OPS`). */
export type OperatorCodes = Readonly<Record<string, number>>

export interface FontMetrics {
  fontMatrix?: ArrayLike<number>
  name?: string
}

interface Glyph {
  unicode?: string
  originalCharCode?: number
  width?: number
  isSpace?: boolean
}

/**
 * What a glyph reads as. pdf.js looks a simple font's glyph names up in the standard glyph list only,
 * so ZapfDingbats's (a71, a74, a119…) find nothing there and read as their character codes: ReportLab's
 * bullets and icons came out as letters ("lllll" for five dots, "n" before each item, ")" for an
 * envelope). Where it found nothing, the symbol the code draws is read instead, as pdftotext reads it.
 */
function glyphText({ unicode = '', originalCharCode }: Glyph, dingbats: boolean): string {
  if (!dingbats || originalCharCode === undefined || unicode !== String.fromCharCode(originalCharCode)) return unicode
  return dingbat(originalCharCode) ?? unicode
}

interface State {
  ctm: Matrix
  fill: Rgb | null
  stroke: Rgb | null
  fillAlpha: number
  strokeAlpha: number
  font: FontMetrics | null
  fontSize: number
  fontDirection: number
  charSpacing: number
  wordSpacing: number
  hScale: number
  leading: number
  rise: number
  renderMode: number
  /** The bounding box of the clipping paths in force, in page space; null when nothing is clipped. */
  clip: Box | null
  textMatrix: Matrix
  lineX: number
  lineY: number
  x: number
  y: number
}

// A gap inside one TJ array wider than this many ems is a space; wider than SPLIT_EMS, a new run.
const SPACE_EMS = 0.15
// A piece that starts this many ems or less from where a drawn space ended comes after that space.
const SPACE_REACH_EMS = 1
const SPLIT_EMS = 1.5
const MIN_REGION_AREA = 4
const DEFAULT_FONT_MATRIX_SCALE = 0.001

/**
 * Replays a page's operator list far enough to know, for every piece of text, where it lands, how
 * big it is, its colour and opacity, its rendering mode and layer; and, for every filled shape and
 * image, where it is and in what order it was painted. No pixels are drawn.
 */
export function walkOperators(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: OperatorCodes,
  fontFor: (id: string) => FontMetrics | null,
  isLayerVisible: (props: unknown) => boolean,
): PageDrawing {
  const pieces: TextPiece[] = []
  // Where the last piece of only spaces ended, until the next piece with text.
  let spaceDrawn: { x: number; y: number } | null = null
  const regions: PaintedRegion[] = []
  const stack: State[] = []
  const layers: boolean[] = []
  let state: State = {
    ctm: IDENTITY,
    fill: [0, 0, 0],
    stroke: [0, 0, 0],
    fillAlpha: 1,
    strokeAlpha: 1,
    font: null,
    fontSize: 0,
    fontDirection: 1,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    renderMode: 0,
    clip: null,
    textMatrix: IDENTITY,
    lineX: 0,
    lineY: 0,
    x: 0,
    y: 0,
  }
  const layerHidden = () => layers.length > 0 && !layers[layers.length - 1]
  // A clip operator takes effect with the path that follows it (PDF's "W n": pdf.js lists the clip,
  // then the path). Only the path's bounding box is kept: it holds all that the path lets show, so
  // text outside it is surely clipped away, and text inside it is never taken for hidden.
  let clipPending = false
  const fillOps = new Set([
    ops.fill,
    ops.eoFill,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ])
  const imageOps = new Set([
    ops.paintImageXObject,
    ops.paintInlineImageXObject,
    ops.paintImageMaskXObject,
    ops.paintSolidColorImageMask,
  ])

  const clipTo = (box: ArrayLike<number>) => (state.clip = intersectBox(transformBox(state.ctm, box), state.clip))

  const moveText = (x: number, y: number) => {
    state.lineX += x
    state.lineY += y
    state.x = state.lineX
    state.y = state.lineY
  }

  const showText = (glyphs: readonly (Glyph | number)[], order: number) => {
    const fontSize = state.fontSize
    if (fontSize === 0) return
    const scale = state.font?.fontMatrix?.[0] ?? DEFAULT_FONT_MATRIX_SCALE
    const widthScale = fontSize * scale
    const toPage = multiply(state.textMatrix, state.ctm)
    const pageSize = fontSize * Math.hypot(toPage[2], toPage[3])
    const baseline = state.y + state.rise
    const dingbats = /Dingbats/i.test(state.font?.name ?? '')
    let advance = 0
    let text = ''
    let startAdvance = 0
    let wordEnds: number[] = []
    const endWord = () => {
      if (wordEnds.length < 2 && /\S$/.test(text)) wordEnds.push(advance)
    }
    const pageX = (at: number) => toPage[0] * (state.x + at * state.hScale) + toPage[2] * baseline + toPage[4]
    const flush = () => {
      endWord()
      const ends = wordEnds.map(pageX)
      wordEnds = []
      const x0 = state.x + startAdvance * state.hScale
      const x1 = state.x + advance * state.hScale
      const [endX, endY] = apply(toPage, x1, baseline)
      if (text.trim() === '') {
        if (text !== '') spaceDrawn = { x: endX, y: endY }
        text = ''
        return
      }
      const [x, y] = apply(toPage, x0, baseline)
      const spaceBefore =
        spaceDrawn !== null && Math.hypot(x - spaceDrawn.x, y - spaceDrawn.y) < SPACE_REACH_EMS * pageSize
      spaceDrawn = null
      pieces.push({
        text,
        x,
        y,
        endX,
        endY,
        size: pageSize,
        wordEnds: ends,
        ...(spaceBefore ? { spaceBefore } : {}),
        font: state.font,
        box: transformBox(toPage, [
          Math.min(x0, x1),
          baseline - 0.2 * fontSize,
          Math.max(x0, x1),
          baseline + 0.8 * fontSize,
        ]),
        order,
        colour: state.renderMode === 1 || state.renderMode === 5 ? state.stroke : state.fill,
        alpha: state.renderMode === 1 || state.renderMode === 5 ? state.strokeAlpha : state.fillAlpha,
        renderMode: state.renderMode,
        inHiddenLayer: layerHidden(),
        clip: state.clip,
      })
      text = ''
    }
    for (const glyph of glyphs) {
      if (typeof glyph === 'number') {
        const gap = (-glyph * fontSize) / 1000
        if (gap > SPLIT_EMS * fontSize) {
          flush()
          advance += gap
          startAdvance = advance
          continue
        }
        if (gap > SPACE_EMS * fontSize && text !== '' && !text.endsWith(' ')) {
          endWord()
          text += ' '
        }
        advance += gap
        continue
      }
      if (text === '') startAdvance = advance
      // A word ends at a glyph that reads as a space. pdf.js marks every character code 32 isSpace (the
      // code word spacing applies to), but a subset font may give that code to a letter: LibreOffice
      // numbers a subset's glyphs in the order the text first uses them, so its 32nd is often one.
      if (glyph.unicode === ' ' || (glyph.isSpace && !glyph.unicode?.trim())) endWord()
      text += glyphText(glyph, dingbats)
      const spacing = (glyph.isSpace ? state.wordSpacing : 0) + state.charSpacing
      advance += (glyph.width ?? 0) * widthScale + spacing * state.fontDirection
    }
    flush()
    state.x += advance * state.hScale
  }

  for (let index = 0; index < fnArray.length; index++) {
    const fn = fnArray[index]!
    const args = argsArray[index] as unknown[] | null
    switch (fn) {
      case ops.save:
      case ops.paintFormXObjectBegin:
      case ops.beginGroup:
        stack.push(state)
        state = { ...state }
        if (fn === ops.paintFormXObjectBegin && isMatrix(args?.[0])) state.ctm = multiply(args[0], state.ctm)
        // A form shows only what falls inside its bounding box.
        if (fn === ops.paintFormXObjectBegin && isBox(args?.[1])) clipTo(args[1])
        break
      case ops.restore:
      case ops.paintFormXObjectEnd:
      case ops.endGroup:
        state = stack.pop() ?? state
        break
      case ops.transform:
        if (args && isMatrix(args)) state.ctm = multiply(args, state.ctm)
        break
      case ops.beginText:
        state.textMatrix = IDENTITY
        state.lineX = state.lineY = state.x = state.y = 0
        break
      case ops.setTextMatrix:
        if (isMatrix(args?.[0])) {
          const m = args[0]
          state.textMatrix = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!]
          state.lineX = state.lineY = state.x = state.y = 0
        }
        break
      case ops.moveText:
        moveText(num(args?.[0]), num(args?.[1]))
        break
      case ops.setLeadingMoveText:
        state.leading = -num(args?.[1])
        moveText(num(args?.[0]), num(args?.[1]))
        break
      case ops.nextLine:
        moveText(0, -state.leading)
        break
      case ops.setLeading:
        state.leading = num(args?.[0])
        break
      case ops.setFont: {
        const size = num(args?.[1])
        state.fontDirection = size < 0 ? -1 : 1
        state.fontSize = Math.abs(size)
        state.font = typeof args?.[0] === 'string' ? fontFor(args[0]) : null
        break
      }
      case ops.setCharSpacing:
        state.charSpacing = num(args?.[0])
        break
      case ops.setWordSpacing:
        state.wordSpacing = num(args?.[0])
        break
      case ops.setHScale:
        state.hScale = num(args?.[0], 100) / 100
        break
      case ops.setTextRise:
        state.rise = num(args?.[0])
        break
      case ops.setTextRenderingMode:
        state.renderMode = num(args?.[0])
        break
      case ops.setFillRGBColor:
        state.fill = parseHex(args?.[0])
        break
      case ops.setStrokeRGBColor:
        state.stroke = parseHex(args?.[0])
        break
      case ops.setFillColorN:
      case ops.setFillTransparent:
        state.fill = null
        break
      case ops.setStrokeColorN:
      case ops.setStrokeTransparent:
        state.stroke = null
        break
      case ops.setGState:
        for (const entry of Array.isArray(args?.[0]) ? (args[0] as unknown[]) : []) {
          if (!Array.isArray(entry)) continue
          if (entry[0] === 'ca') state.fillAlpha = num(entry[1], 1)
          if (entry[0] === 'CA') state.strokeAlpha = num(entry[1], 1)
        }
        break
      case ops.showText:
        if (Array.isArray(args?.[0])) showText(args[0] as (Glyph | number)[], index)
        break
      case ops.clip:
      case ops.eoClip:
        clipPending = true
        break
      case ops.constructPath: {
        const paint = args?.[0]
        const minMax = args?.[2]
        const bounded = isBox(minMax)
        if (typeof paint === 'number' && fillOps.has(paint) && bounded) {
          const box = intersectBox(transformBox(state.ctm, minMax), state.clip)
          if (boxArea(box) >= MIN_REGION_AREA && !layerHidden()) {
            regions.push({
              box,
              order: index,
              colour: state.fill,
              opaque: state.fill !== null && state.fillAlpha >= 0.9,
            })
          }
        }
        if (clipPending && bounded) clipTo(minMax)
        clipPending = false
        break
      }
      case ops.beginMarkedContent:
        layers.push(!layerHidden())
        break
      case ops.beginMarkedContentProps:
        layers.push(!layerHidden() && (args?.[0] !== 'OC' || isLayerVisible(args?.[1])))
        break
      case ops.endMarkedContent:
        layers.pop()
        break
      default:
        if (imageOps.has(fn) && !layerHidden()) {
          const box = intersectBox(transformBox(state.ctm, [0, 0, 1, 1]), state.clip)
          const solid = fn === ops.paintSolidColorImageMask
          if (boxArea(box) > 0)
            regions.push({ box, order: index, colour: solid ? state.fill : null, opaque: state.fillAlpha >= 0.9 })
        }
    }
  }
  return { pieces, regions }
}

const num = (value: unknown, fallback = 0) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback)

/** Whether `value` is a list that starts with `count` finite numbers (pdf.js's matrices and boxes). */
function startsWithNumbers(value: unknown, count: number): value is ArrayLike<number> {
  if (value === null || typeof value !== 'object' || !('length' in value)) return false
  const list = value as ArrayLike<unknown>
  if (list.length < count) return false
  for (let index = 0; index < count; index++)
    if (typeof list[index] !== 'number' || !Number.isFinite(list[index])) return false
  return true
}

const isMatrix = (value: unknown): value is ArrayLike<number> => startsWithNumbers(value, 6)

const isBox = (value: unknown): value is ArrayLike<number> =>
  startsWithNumbers(value, 4) && value[2]! >= value[0]! && value[3]! >= value[1]!
