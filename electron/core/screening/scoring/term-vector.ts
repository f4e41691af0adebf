/**
 * A resume's term frequencies, packed so that thousands can be read from SQLite and scored without
 * re-reading the resumes. Terms are FNV-1a hashes cut to 30 bits: with a vocabulary of tens of
 * thousands of terms a collision is rare and only merges the counts of two words, which BM25 tolerates.
 *
 * Layout: u32 count | count × u32 term hashes (ascending) | count × u16 frequencies (capped).
 */

export interface TermVector {
  /** Number of terms in the document (its BM25 length). */
  length: number
  hashes: Uint32Array
  frequencies: Uint16Array
}

const MAX_FREQUENCY = 0xffff
const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/**
 * Where each kind of hash lives in the 32-bit space, so that a sorted vector keeps them apart: body
 * terms and the title and skills fields in the lowest quarter, word pairs in the next, word triples in
 * the upper half. BM25's merge over a vector's terms then stops before the pairs and triples, and the
 * copied-posting check walks only the triples (copied.ts).
 */
const LOW_QUARTER = 0x3fffffff
const PAIRS_START = 0x40000000
export const TRIPLES_START = 0x80000000

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** FNV-1a over `text`, carried on from `state` (a hash not yet cut to its quarter). */
function fnv(state: number, text: string): number {
  let hash = state
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, FNV_PRIME)
  }
  return hash
}

/** `state` carried on over a space and `text`: the hash of "<before> <text>" from the hash of <before>. */
const fnvAfterSpace = (state: number, text: string) => fnv(Math.imul(state ^ 0x20, FNV_PRIME), text)

export function termHash(term: string): number {
  return fnv(FNV_OFFSET, term) & LOW_QUARTER
}

/**
 * The fields BM25F weighs apart from the body, word pairs for phrase matching and word triples for
 * telling a copied posting (copied.ts). Each is stored in the same vector under its own hash of the
 * body term's hash, so the layout and the storage stay one.
 */
export type TermField = 'title' | 'skills' | 'role' | 'pair' | 'triple'

const FIELD_SALT: Record<TermField, number> = {
  title: 0x7469746c,
  skills: 0x736b696c,
  role: 0x726f6c65,
  pair: 0x70616972,
  triple: 0x74726970,
}

/** The hash a term has inside `field`. */
export function fieldHash(hash: number, field: TermField): number {
  let mixed = Math.imul(hash ^ FIELD_SALT[field], 0x9e3779b1)
  mixed ^= mixed >>> 15
  mixed = Math.imul(mixed, 0x85ebca77)
  if (field === 'triple') return (mixed | TRIPLES_START) >>> 0
  return field === 'pair' ? (mixed & LOW_QUARTER) | PAIRS_START : mixed & LOW_QUARTER
}

/** The hash of two terms that stand next to each other (stop words aside). */
export const pairHash = (first: string, second: string) => fieldHash(termHash(`${first} ${second}`), 'pair')

/** The hash of three terms that stand next to each other (stop words aside). */
export const tripleHash = (first: string, second: string, third: string) =>
  fieldHash(termHash(`${first} ${second} ${third}`), 'triple')

export interface FieldTokens {
  title?: readonly string[]
  skills?: readonly string[]
  /** What the resume says the person is now: its headline and current job's title (see fields.ts). */
  role?: readonly string[]
}

/**
 * A document's vector: its body terms (whose count is its BM25 length), the terms of its title and
 * skills fields, and every pair and triple of neighbouring body terms.
 */
export function buildTermVector(tokens: readonly string[], fields: FieldTokens = {}): TermVector {
  const fieldCount = (fields.title?.length ?? 0) + (fields.skills?.length ?? 0) + (fields.role?.length ?? 0)
  // Every occurrence's hash in one typed array, sorted, then counted in runs: a Map of counts keyed
  // by hashes above 2^30 (the triples) boxed each key and cost more than the rest of the vector.
  const all = new Uint32Array(tokens.length + fieldCount + Math.max(0, 2 * tokens.length - 3))
  let filled = 0
  // Each pair's and triple's hash carries on from its first words' (the hash pairHash and tripleHash
  // give), rather than hashing a joined string again: a tenth of reading a resume.
  const single = tokens.map((token) => fnv(FNV_OFFSET, token))
  for (const hash of single) all[filled++] = hash & LOW_QUARTER
  for (const field of ['title', 'skills', 'role'] as const)
    for (const token of fields[field] ?? []) all[filled++] = fieldHash(termHash(token), field)
  let pair = 0
  for (let i = 1; i < tokens.length; i++) {
    const previousPair = pair
    pair = fnvAfterSpace(single[i - 1]!, tokens[i]!)
    all[filled++] = fieldHash(pair & LOW_QUARTER, 'pair')
    if (i >= 2) all[filled++] = fieldHash(fnvAfterSpace(previousPair, tokens[i]!) & LOW_QUARTER, 'triple')
  }
  all.sort()
  let distinct = 0
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) distinct++
  const hashes = new Uint32Array(distinct)
  const frequencies = new Uint16Array(distinct)
  let at = -1
  for (let i = 0; i < all.length; i++) {
    if (i === 0 || all[i] !== all[i - 1]) hashes[++at] = all[i]!
    if (frequencies[at]! < MAX_FREQUENCY) frequencies[at]!++
  }
  return { length: tokens.length, hashes, frequencies }
}

export function packTermVector(vector: TermVector): Buffer {
  const n = vector.hashes.length
  const buffer = Buffer.alloc(4 + n * 4 + n * 2)
  buffer.writeUInt32LE(n, 0)
  for (let i = 0; i < n; i++) buffer.writeUInt32LE(vector.hashes[i]!, 4 + i * 4)
  for (let i = 0; i < n; i++) buffer.writeUInt16LE(vector.frequencies[i]!, 4 + n * 4 + i * 2)
  return buffer
}

/** Reads a packed vector; the document length is stored beside it (it is not recoverable from a capped count). */
export function unpackTermVector(packed: Uint8Array, length: number): TermVector {
  // The typed-array views need a 4-byte aligned start; copy only when the buffer handed over is not.
  const bytes = packed.byteOffset % 4 === 0 ? packed : new Uint8Array(packed)
  if (bytes.byteLength < 4) throw new Error('term vector is damaged')
  const n = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true)
  if (bytes.byteLength !== 4 + n * 6) throw new Error('term vector is damaged')
  if (!littleEndianHost) {
    const view = new DataView(bytes.buffer, bytes.byteOffset)
    return {
      length,
      hashes: Uint32Array.from({ length: n }, (_, i) => view.getUint32(4 + i * 4, true)),
      frequencies: Uint16Array.from({ length: n }, (_, i) => view.getUint16(4 + n * 4 + i * 2, true)),
    }
  }
  const hashes = new Uint32Array(bytes.buffer, bytes.byteOffset + 4, n)
  const frequencies = new Uint16Array(bytes.buffer, bytes.byteOffset + 4 + n * 4, n)
  return { length, hashes, frequencies }
}

/** The index of the first hash at or above `value` in the vector's sorted hashes. */
export function lowerBound(hashes: Uint32Array, value: number): number {
  let lo = 0
  let hi = hashes.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (hashes[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Frequency of a term in a vector (0 when absent): binary search over the sorted hashes. */
export function frequencyOf(vector: TermVector, hash: number): number {
  const at = lowerBound(vector.hashes, hash)
  return vector.hashes[at] === hash ? vector.frequencies[at]! : 0
}
