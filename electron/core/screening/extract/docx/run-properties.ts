import { attributeValue, tags, type Tag } from './xml'

/** The run properties that decide whether a reader can see a run's text. */
export interface RunLook {
  vanish?: boolean
  /** "auto" or a hex colour without '#'. */
  color?: string
  /** Half-points, as Word stores font sizes. */
  halfPoints?: number
  /** Shading or highlight behind the run, hex without '#'. */
  background?: string
}

const HIGHLIGHT_HEX: Record<string, string> = {
  black: '000000',
  blue: '0000FF',
  cyan: '00FFFF',
  green: '00FF00',
  magenta: 'FF00FF',
  red: 'FF0000',
  yellow: 'FFFF00',
  white: 'FFFFFF',
  darkBlue: '000080',
  darkCyan: '008080',
  darkGreen: '008000',
  darkMagenta: '800080',
  darkRed: '800000',
  darkYellow: '808000',
  darkGray: '808080',
  lightGray: 'C0C0C0',
}

const isOn = (value: string | undefined) => value === undefined || !/^(false|0|off|none)$/i.test(value)
const hex = (value: string | undefined) => (value && /^[0-9a-f]{6}$/i.test(value) ? value.toUpperCase() : undefined)

/** Applies one child tag of a <w:rPr> to `look`. */
export function applyRunProperty(look: RunLook, tag: Tag): void {
  switch (tag.local) {
    case 'vanish':
    case 'specVanish':
      look.vanish = isOn(attributeValue(tag.attributes, 'val'))
      break
    case 'color': {
      const value = attributeValue(tag.attributes, 'val')
      if (value?.toLowerCase() === 'auto') look.color = 'auto'
      else if (hex(value)) look.color = hex(value)
      break
    }
    case 'sz': {
      const value = Number(attributeValue(tag.attributes, 'val'))
      if (Number.isFinite(value)) look.halfPoints = value
      break
    }
    case 'shd': {
      const fill = hex(attributeValue(tag.attributes, 'fill'))
      if (fill) look.background = fill
      break
    }
    case 'highlight': {
      const value = attributeValue(tag.attributes, 'val')
      if (value && HIGHLIGHT_HEX[value]) look.background = HIGHLIGHT_HEX[value]
      break
    }
  }
}

export const mergeLooks = (...looks: (RunLook | undefined)[]): RunLook => Object.assign({}, ...looks.filter(Boolean))

interface StyleDefinition {
  basedOn?: string
  look: RunLook
}

/** styles.xml reduced to what matters here: each style's run look, its parent, and the defaults. */
export interface StyleSheet {
  defaults: RunLook
  defaultParagraphStyle?: string
  resolve(styleId: string | undefined): RunLook
}

export function readStyles(xml: string | undefined, prefixes: ReadonlySet<string>): StyleSheet {
  const styles = new Map<string, StyleDefinition>()
  const defaults: RunLook = {}
  let defaultParagraphStyle: string | undefined
  if (xml) {
    let current: { id: string; definition: StyleDefinition } | null = null
    let inDefaults = false
    let inRunProperties = false
    for (const tag of tags(xml)) {
      if (!prefixes.has(tag.prefix)) continue
      if (tag.local === 'rPrDefault') inDefaults = !tag.closing && !tag.selfClosing
      else if (tag.local === 'style') {
        if (tag.closing) {
          if (current) styles.set(current.id, current.definition)
          current = null
        } else {
          const id = attributeValue(tag.attributes, 'styleId')
          current = id ? { id, definition: { look: {} } } : null
          if (
            id &&
            attributeValue(tag.attributes, 'type') === 'paragraph' &&
            isTrue(attributeValue(tag.attributes, 'default'))
          )
            defaultParagraphStyle = id
        }
      } else if (tag.local === 'basedOn' && current) current.definition.basedOn = attributeValue(tag.attributes, 'val')
      else if (tag.local === 'rPr') inRunProperties = !tag.closing && !tag.selfClosing
      else if (inRunProperties && !tag.closing) {
        if (current) applyRunProperty(current.definition.look, tag)
        else if (inDefaults) applyRunProperty(defaults, tag)
      }
    }
  }
  const cache = new Map<string, RunLook>()
  const resolve = (styleId: string | undefined, depth = 0): RunLook => {
    if (!styleId || depth > 20) return {}
    const cached = cache.get(styleId)
    if (cached) return cached
    const definition = styles.get(styleId)
    const look = definition ? mergeLooks(resolve(definition.basedOn, depth + 1), definition.look) : {}
    cache.set(styleId, look)
    return look
  }
  return { defaults, defaultParagraphStyle, resolve: (styleId) => resolve(styleId) }
}

const isTrue = (value: string | undefined) => value !== undefined && /^(1|true|on)$/i.test(value)
