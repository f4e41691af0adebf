import { MAX_JSON_DEPTH } from './limits'

export interface InvokeMessage {
  type: 'invoke'
  id: number
  name: string
  input: unknown
}

/** A page's request, or null for anything else: not JSON, not an invoke, or nested too deep. */
export function parseInvoke(raw: string): InvokeMessage | null {
  if (!nestingWithin(raw, MAX_JSON_DEPTH)) return null
  try {
    const data = JSON.parse(raw) as Partial<InvokeMessage> | null
    if (data?.type !== 'invoke' || typeof data.id !== 'number' || typeof data.name !== 'string') return null
    return data as InvokeMessage
  } catch {
    return null
  }
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPENERS = new Set([0x5b, 0x7b])
const CLOSERS = new Set([0x5d, 0x7d])

/**
 * Whether no array or object in a JSON text lies deeper than maxDepth. One pass that jumps over
 * strings whole, so a camera chunk's megabytes of base64 cost one indexOf.
 */
export function nestingWithin(json: string, maxDepth: number): boolean {
  let depth = 0
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i)
    if (c === QUOTE) i = stringEnd(json, i)
    else if (OPENERS.has(c) && ++depth > maxDepth) return false
    else if (CLOSERS.has(c)) depth--
  }
  return true
}

/** Where the string opened by the quote at `start` closes (the text's end if it never does). */
function stringEnd(json: string, start: number): number {
  let end = json.indexOf('"', start + 1)
  while (end !== -1 && isEscaped(json, end)) end = json.indexOf('"', end + 1)
  return end === -1 ? json.length : end
}

/** A quote after an odd run of backslashes is part of the string. */
function isEscaped(json: string, at: number): boolean {
  let backslashes = 0
  while (json.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++
  return backslashes % 2 === 1
}
