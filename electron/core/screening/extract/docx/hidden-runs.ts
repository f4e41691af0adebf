import { contrast, parseHex, UNREADABLE_CONTRAST, WHITE } from '../pdf/colour'
import { applyRunProperty, mergeLooks, type RunLook, type StyleSheet } from './run-properties'
import { attributeValue, decodeEntities, tags } from './xml'

export interface HiddenRun {
  text: string
  detail: string
  paragraph: number
}

export interface DocumentScan {
  /** document.xml with every hidden run removed, for mammoth to read. */
  visibleXml: string
  hiddenRuns: HiddenRun[]
}

const MIN_HALF_POINTS = 4

interface OpenRun {
  start: number
  styleId?: string
  look: RunLook
  text: string
}

/**
 * Walks document.xml once and finds the runs a reader of the document cannot see: Word's hidden
 * text (w:vanish, directly or through a style), a font under 2 pt, or a colour that matches what is
 * behind it (run shading or highlight, paragraph or table-cell shading, page background, else white).
 * Returns the XML without those runs plus the hidden text itself.
 */
export function scanDocument(xml: string, prefixes: ReadonlySet<string>, styles: StyleSheet): DocumentScan {
  const hiddenRuns: HiddenRun[] = []
  const cut: [number, number][] = []
  let pageBackground: string | undefined
  const cellShading: (string | undefined)[] = []
  let paragraph = 0
  let paragraphStyle: string | undefined
  let paragraphShading: string | undefined
  let inParagraphProperties = false
  let inRunProperties = false
  let run: OpenRun | null = null
  let inText = false
  let textStart = 0
  // mammoth reads mc:Fallback and skips mc:Choice and deleted text; so does this scan.
  let skipDepth = 0
  let inCellProperties = false

  for (const tag of tags(xml)) {
    if (tag.prefix === 'mc' && tag.local === 'Choice') {
      if (!tag.selfClosing) skipDepth += tag.closing ? -1 : 1
      continue
    }
    if (!prefixes.has(tag.prefix)) continue
    if (tag.local === 'del' || tag.local === 'moveFrom') {
      if (!tag.selfClosing) skipDepth += tag.closing ? -1 : 1
      continue
    }
    if (inText && tag.closing && tag.local === 't') {
      if (run) run.text += decodeEntities(xml.slice(textStart, tag.start))
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
        }
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
        if (!tag.closing) run = { start: tag.start, look: {}, text: '' }
        else if (run) {
          const detail = hiddenBecause(
            mergeLooks(
              styles.defaults,
              styles.resolve(paragraphStyle ?? styles.defaultParagraphStyle),
              styles.resolve(run.styleId),
              run.look,
            ),
            [run.look.background, paragraphShading, ...cellShading.slice().reverse(), pageBackground],
          )
          if (detail) {
            cut.push([run.start, tag.end])
            if (run.text.trim() !== '') hiddenRuns.push({ text: run.text, detail, paragraph })
          }
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
        if (!tag.closing && !tag.selfClosing && run) {
          inText = true
          textStart = tag.end
        }
        break
      case 'tab':
        if (run && !inRunProperties) run.text += '\t'
        break
      case 'br':
      case 'cr':
        if (run) run.text += ' '
        break
      default:
        if (inRunProperties && run && !tag.closing) applyRunProperty(run.look, tag)
    }
  }

  const kept: string[] = []
  let from = 0
  for (const [start, end] of cut) {
    kept.push(xml.slice(from, start))
    from = end
  }
  kept.push(xml.slice(from))
  return { visibleXml: kept.join(''), hiddenRuns }
}

function hiddenBecause(look: RunLook, backgrounds: (string | undefined)[]): string | null {
  if (look.vanish) return 'marked as hidden text in Word'
  if (look.halfPoints !== undefined && look.halfPoints < MIN_HALF_POINTS) return `font size ${look.halfPoints / 2} pt`
  const colour = look.color && look.color !== 'auto' ? parseHex(look.color) : null
  if (!colour) return null
  const behind =
    backgrounds.map((value) => (value && value.toLowerCase() !== 'auto' ? parseHex(value) : null)).find(Boolean) ??
    WHITE
  if (contrast(colour, behind) < UNREADABLE_CONTRAST)
    return `text colour #${look.color!.toLowerCase()} on a matching background`
  return null
}
