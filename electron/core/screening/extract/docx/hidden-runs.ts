import type { hex } from 'dingbat-to-unicode'
import { requireHere } from '../node-require'
import { contrast, parseHex, UNREADABLE_CONTRAST, WHITE } from '../pdf/colour'
import { applyRunProperty, mergeLooks, type RunLook, type StyleSheet } from './run-properties'
import { attributeValue, tags, textContent } from './xml'

export interface HiddenRun {
  text: string
  detail: string
  paragraph: number
}

export interface DocumentScan {
  /** The body's text as a reader of the document sees it: each paragraph followed by an empty line. */
  text: string
  hiddenRuns: HiddenRun[]
}

const MIN_HALF_POINTS = 4

interface OpenRun {
  styleId?: string
  look: RunLook
  /** The run's text with line breaks as spaces, for the hidden-text flag. */
  text: string
  /** The same with line breaks kept, for the visible text. */
  shown: string
}

interface OpenParagraph {
  text: string
  /** Paragraphs nested in this one (text boxes), which follow it. */
  after: string
  skipped: boolean
  markDeleted: boolean
}

/**
 * Walks document.xml once and reads what a reader of the document sees, leaving out the runs they
 * cannot: Word's hidden text (w:vanish, directly or through a style), a font under 2 pt, or a colour
 * that matches what is behind it (run shading or highlight, paragraph or table-cell shading, page
 * background, else white). Returns the visible text and the hidden runs.
 *
 * The text follows mammoth's raw text, which this replaced (a parse of the whole XML through xmldom
 * cost about 85% of a DOCX read): paragraphs end with an empty line, text boxes follow the paragraph
 * that holds them, mc:Fallback is read and mc:Choice skipped, deleted text and rows are skipped and
 * a deleted paragraph mark joins its paragraph to the next. Two differences, both toward what Word
 * shows: a line break is a new line (mammoth drops it, gluing "Java<br/>SQL" into "JavaSQL"), and
 * runs inside elements mammoth does not know (simple fields, bidi containers) are read.
 */
export function scanDocument(xml: string, prefixes: ReadonlySet<string>, styles: StyleSheet): DocumentScan {
  const hiddenRuns: HiddenRun[] = []
  const out: string[] = []
  const paragraphs: OpenParagraph[] = []
  const rowsDeleted: boolean[] = []
  let carried = { text: '', after: '' }
  let pageBackground: string | undefined
  const cellShading: (string | undefined)[] = []
  let paragraph = 0
  let paragraphStyle: string | undefined
  let paragraphShading: string | undefined
  let inParagraphProperties = false
  let inRowProperties = false
  let inRunProperties = false
  let run: OpenRun | null = null
  let inText = false
  let textStart = 0
  // mammoth read mc:Fallback and skipped mc:Choice, deleted text and deleted rows; so does this scan.
  let skipDepth = 0
  let inCellProperties = false

  const emit = (text: string) => {
    const open = paragraphs[paragraphs.length - 1]
    if (open) open.text += text
    else out.push(text)
  }
  const closeParagraph = () => {
    const closed = paragraphs.pop()
    if (!closed || closed.skipped) return
    if (closed.markDeleted) {
      carried = { text: closed.text, after: closed.after }
      return
    }
    const text = `${closed.text}\n${closed.after}`
    const outer = paragraphs[paragraphs.length - 1]
    if (outer) outer.after += text
    else out.push(text)
  }
  const addToRun = (hidden: string, shown = hidden) => {
    if (!run || inRunProperties) return
    run.text += hidden
    run.shown += shown
  }

  for (const tag of tags(xml)) {
    if (tag.prefix === 'mc' && tag.local === 'Choice') {
      if (!tag.selfClosing) skipDepth += tag.closing ? -1 : 1
      continue
    }
    if (!prefixes.has(tag.prefix)) continue
    if (tag.local === 'del' || tag.local === 'moveFrom') {
      if (!tag.selfClosing) skipDepth += tag.closing ? -1 : 1
      else if (inRowProperties && rowsDeleted.length > 0 && !rowsDeleted[rowsDeleted.length - 1]) {
        rowsDeleted[rowsDeleted.length - 1] = true
        skipDepth++
      } else if (inParagraphProperties && paragraphs.length > 0) paragraphs[paragraphs.length - 1]!.markDeleted = true
      continue
    }
    if (inText && tag.closing && tag.local === 't') {
      const text = textContent(xml.slice(textStart, tag.start))
      if (run) addToRun(text)
      else if (skipDepth === 0) emit(text)
      inText = false
      continue
    }
    switch (tag.local) {
      case 'background':
        pageBackground = attributeValue(tag.attributes, 'color')
        break
      case 'tc':
        if (tag.closing) cellShading.pop()
        else if (!tag.selfClosing) cellShading.push(undefined)
        break
      case 'tcPr':
        inCellProperties = !tag.closing && !tag.selfClosing
        break
      case 'p':
        if (!tag.closing) {
          paragraph++
          paragraphStyle = undefined
          paragraphShading = undefined
          if (skipDepth > 0) paragraphs.push({ text: '', after: '', skipped: true, markDeleted: false })
          else {
            paragraphs.push({ ...carried, skipped: false, markDeleted: false })
            carried = { text: '', after: '' }
          }
        }
        if (tag.closing || tag.selfClosing) closeParagraph()
        break
      case 'tr':
        if (tag.selfClosing) break
        if (!tag.closing) rowsDeleted.push(false)
        else if (rowsDeleted.pop()) skipDepth--
        break
      case 'trPr':
        inRowProperties = !tag.closing && !tag.selfClosing
        break
      case 'pPr':
        inParagraphProperties = !tag.closing && !tag.selfClosing
        break
      case 'pStyle':
        if (inParagraphProperties) paragraphStyle = attributeValue(tag.attributes, 'val')
        break
      case 'shd': {
        const fill = attributeValue(tag.attributes, 'fill')
        if (inRunProperties && run) applyRunProperty(run.look, tag)
        else if (inCellProperties && cellShading.length > 0) cellShading[cellShading.length - 1] = fill
        else if (inParagraphProperties) paragraphShading = fill
        break
      }
      case 'r':
        if (skipDepth > 0 || tag.selfClosing) break
        if (!tag.closing) run = { look: {}, text: '', shown: '' }
        else if (run) {
          const detail = hiddenBecause(
            mergeLooks(
              styles.defaults,
              styles.resolve(paragraphStyle ?? styles.defaultParagraphStyle),
              styles.resolve(run.styleId),
              run.look,
            ),
            () => [run!.look.background, paragraphShading, ...cellShading.slice().reverse(), pageBackground],
          )
          if (!detail) emit(run.shown)
          else if (run.text.trim() !== '') hiddenRuns.push({ text: run.text, detail, paragraph })
          run = null
        }
        break
      case 'rPr':
        if (run) inRunProperties = !tag.closing && !tag.selfClosing
        break
      case 'rStyle':
        if (inRunProperties && run) run.styleId = attributeValue(tag.attributes, 'val')
        break
      case 't':
        if (!tag.closing && !tag.selfClosing && (run || skipDepth === 0)) {
          inText = true
          textStart = tag.end
        }
        break
      case 'tab':
        addToRun('\t')
        break
      case 'br':
      case 'cr':
        addToRun(' ', '\n')
        break
      case 'noBreakHyphen':
        addToRun('\u2011')
        break
      case 'softHyphen':
        addToRun('\u00AD')
        break
      case 'sym':
        addToRun(symbol(attributeValue(tag.attributes, 'font'), attributeValue(tag.attributes, 'char')))
        break
      default:
        if (inRunProperties && run && !tag.closing) applyRunProperty(run.look, tag)
    }
  }

  while (paragraphs.length > 0) closeParagraph()
  return { text: out.join(''), hiddenRuns }
}

// Loaded on the first symbol, not with the reader: most resumes have none (about 6 ms of a worker's start).
let dingbatToUnicode: typeof hex | undefined

/** A w:sym character (a Symbol or Wingdings code, often with the F0 private-use offset) in Unicode. */
function symbol(font: string | undefined, char: string | undefined): string {
  if (!font || !char) return ''
  dingbatToUnicode ??= (requireHere()('dingbat-to-unicode') as { hex: typeof hex }).hex
  const found =
    dingbatToUnicode(font, char) ?? (/^F0..$/i.test(char) ? dingbatToUnicode(font, char.slice(2)) : undefined)
  return found?.string ?? ''
}

/** Why a run with this look cannot be seen, or null; the backgrounds behind it, innermost first, are only listed for a coloured run. */
function hiddenBecause(look: RunLook, backgroundsBehind: () => (string | undefined)[]): string | null {
  if (look.vanish) return 'marked as hidden text in Word'
  if (look.halfPoints !== undefined && look.halfPoints < MIN_HALF_POINTS) return `font size ${look.halfPoints / 2} pt`
  const colour = look.color && look.color !== 'auto' ? parseHex(look.color) : null
  if (!colour) return null
  const behind =
    backgroundsBehind()
      .map((value) => (value && value.toLowerCase() !== 'auto' ? parseHex(value) : null))
      .find(Boolean) ?? WHITE
  if (contrast(colour, behind) < UNREADABLE_CONTRAST)
    return `text colour #${look.color!.toLowerCase()} on a matching background`
  return null
}
