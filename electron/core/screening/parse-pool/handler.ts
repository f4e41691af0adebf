import { threadId } from 'node:worker_threads'
import { extractDocument, withoutInstructions } from '../extract'
import { loadPdfJs } from '../extract/pdf/pdfjs'
import { readResume } from '../read'
import { judgeResumeLikeness } from '../read/resume-likeness'
import { buildFeatures } from '../scoring/features'
import { taxonomyFromTransfer, type TaxonomyTransfer } from '../taxonomy/build'
import type { ParseRequestMessage, ParseResult, WarmReader } from './protocol'

export interface ParseHandler {
  handle(request: ParseRequestMessage): Promise<ParseResult>
}

/** Loads the given readers once, so the first file is not charged for them. */
export async function warmReaders(readers: readonly WarmReader[]): Promise<void> {
  if (readers.includes('pdf')) await loadPdfJs()
}

/** Extraction then reading, for one file, inside a worker thread. Never throws. */
export function createParseHandler(transfer: TaxonomyTransfer): ParseHandler {
  const taxonomy = taxonomyFromTransfer(transfer)
  return {
    async handle(request) {
      const started = performance.now()
      const outcome = await extractDocument(request.bytes, request.fileName, request.limits)
      let result: ParseResult = { outcome, ms: 0, workerId: threadId }
      // A JSON Resume is one by its schema; anything else is judged on the text a reader sees.
      const likeness =
        outcome.ok && outcome.document.format !== 'json-resume' ? judgeResumeLikeness(outcome.document.text) : null
      if (likeness && !likeness.resume) {
        const message = likeness.message ?? 'This does not read as a resume.'
        result = { ...result, outcome: { ok: false, refusal: { reason: 'not_a_resume', message } } }
      } else if (outcome.ok) {
        try {
          // An instruction aimed at an AI screener is flagged and shown, never taken as evidence.
          const evidence = { ...outcome.document, text: withoutInstructions(outcome.document.text) }
          const parsed = readResume(evidence, taxonomy, { now: new Date(request.now) })
          result = { ...result, parsed, features: buildFeatures(evidence, parsed) }
        } catch (error) {
          result = {
            ...result,
            outcome: {
              ok: false,
              refusal: { reason: 'corrupt', message: `The resume could not be read: ${(error as Error).message}` },
            },
          }
        }
      }
      return { ...result, ms: performance.now() - started }
    },
  }
}
