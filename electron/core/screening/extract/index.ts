import path from 'node:path'
import type { ContentFlag, ExtractedDocument, ExtractLimits, ExtractOutcome } from '../types'
import { Deadline } from './deadline'
import { readDocx } from './docx/read-docx'
import { DEFAULT_EXTRACT_LIMITS, formatBytes, RefusalError, refuse } from './limits'
import { readPdf } from './pdf/read-pdf'
import { decodeText } from './decode-text'
import { readMarkdown, readPlainText } from './read-text'
import { markupKind, sniff } from './sniff'

export { DEFAULT_EXTRACT_LIMITS, CHARS_PER_PAGE, extractLimitsProblems } from './limits'
export { detectInjection, withoutInstructions } from './injection'
export type { JsonResume } from './json-resume'

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd'])
const MAX_FLAGS = 100

/**
 * Reads one resume file into the text a human sees, the text hidden from them, and flags; or
 * refuses it with a reason a recruiter can act on. The type is judged from the bytes, not the
 * name. Never throws: every failure, including a parser crash, is an outcome.
 */
export async function extractDocument(
  bytes: Uint8Array,
  fileName: string,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<ExtractOutcome> {
  try {
    if (bytes.length === 0) refuse('empty', 'The file is empty (0 bytes).')
    if (bytes.length > limits.maxBytes)
      refuse(
        'too_large',
        `The file is ${formatBytes(bytes.length)}; resumes over ${formatBytes(limits.maxBytes)} are not read.`,
      )
    const deadline = new Deadline(limits.maxMs)
    const document = await readByKind(bytes, fileName, limits, deadline)
    return { ok: true, document: { ...document, flags: dedupe(document.flags) } }
  } catch (error) {
    if (error instanceof RefusalError) return { ok: false, refusal: error.toRefusal() }
    return {
      ok: false,
      refusal: {
        reason: 'corrupt',
        message: `The file could not be read: ${(error as Error | null)?.message ?? 'unknown error'}`,
      },
    }
  }
}

async function readByKind(bytes: Uint8Array, fileName: string, limits: ExtractLimits, deadline: Deadline) {
  const sniffed = sniff(bytes)
  switch (sniffed.kind) {
    case 'pdf':
      return asJsonResume(await readPdf(bytes, limits, deadline), limits)
    case 'zip':
      return asJsonResume(await readDocx(bytes, limits, deadline), limits)
    case 'ole':
      return sniffed.encryptedOffice
        ? refuse(
            'encrypted',
            'The Word document is protected by a password, so its text cannot be read. Ask for an unprotected copy.',
          )
        : refuse('unsupported_type', 'The file is an old-format Word (.doc) or Office file; save it as DOCX or PDF.')
    case 'unsupported':
      return refuse(
        'unsupported_type',
        `The file is ${sniffed.what}, not a resume format that can be read (PDF, DOCX, TXT, Markdown, JSON Resume).`,
      )
    case 'text': {
      const text = decodeText(bytes)
      const extension = path.extname(fileName).toLowerCase()
      const markup = markupKind(text)
      if (markup) refuse('unsupported_type', `The file is ${markup}, not a resume format that can be read.`)
      if (extension === '.json' || /^\s*\{/.test(text)) {
        let json: unknown
        try {
          json = parseJsonLoosely(text)
        } catch {
          if (extension === '.json') refuse('corrupt', 'The file is not valid JSON.')
          return readPlainText(text, limits)
        }
        // Loaded for JSON only: its schema is zod's, and zod's load was about 40 ms of every parse
        // worker's start, before the first PDF or Word file could be read.
        const { looksLikeJsonResume, readJsonResume } = await import('./json-resume')
        if (!looksLikeJsonResume(json))
          refuse('unsupported_type', 'The file is JSON but not a JSON Resume (jsonresume.org).')
        return readJsonResume(json, limits)
      }
      return MARKDOWN_EXTENSIONS.has(extension) ? readMarkdown(text, limits) : readPlainText(text, limits)
    }
  }
}

/**
 * JSON with its line breaks read as spaces: between tokens a U+2028 line separator is no JSON
 * whitespace, and inside a string a line a page wrapped is no JSON character; both are a space.
 */
const parseJsonLoosely = (text: string): unknown => JSON.parse(text.replace(/[\r\n\u2028\u2029]/g, ' '))

/**
 * A JSON Resume pasted into a Word file or printed to PDF is read by its fields, as the .json is;
 * what the file hid and was flagged for stays with it. Anything else, and a JSON Resume whose schema
 * does not hold, is read as the text it is.
 */
async function asJsonResume(document: ExtractedDocument, limits: ExtractLimits): Promise<ExtractedDocument> {
  if (!/^\s*\{/.test(document.text)) return document
  let json: unknown
  try {
    json = parseJsonLoosely(document.text)
  } catch {
    return document
  }
  const { looksLikeJsonResume, readJsonResume } = await import('./json-resume')
  if (!looksLikeJsonResume(json)) return document
  try {
    const fields = readJsonResume(json, limits)
    return {
      ...fields,
      hiddenText: document.hiddenText,
      pages: document.pages,
      flags: [...document.flags, ...fields.flags],
    }
  } catch (error) {
    if (error instanceof RefusalError) return document
    throw error
  }
}

function dedupe(flags: readonly ContentFlag[]): ContentFlag[] {
  const seen = new Set<string>()
  const kept: ContentFlag[] = []
  for (const flag of flags) {
    const key = `${flag.kind}\u0000${flag.text}`
    if (seen.has(key)) continue
    seen.add(key)
    kept.push(flag)
    if (kept.length >= MAX_FLAGS) break
  }
  return kept
}
