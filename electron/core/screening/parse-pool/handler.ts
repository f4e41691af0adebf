import { threadId } from 'node:worker_threads'
import { extractDocument } from '../extract'
import { loadPdfJs } from '../extract/pdf/pdfjs'
import { taxonomyFromTransfer, type TaxonomyTransfer } from '../taxonomy/build'
import type { ParseRequestMessage, ParseResult, WarmReader } from './protocol'
import { readExtracted } from './read-extracted'

export interface ParseHandler {
  handle(request: ParseRequestMessage): Promise<ParseResult>
}

/** Loads the given readers once, so the first file is not charged for them. */
export async function warmReaders(readers: readonly WarmReader[]): Promise<void> {
  if (readers.includes('pdf')) await loadPdfJs()
}

/**
 * Extraction then reading, for one file, inside a worker thread; without a taxonomy, extraction only
 * (the caller reads). Never throws.
 */
export function createParseHandler(transfer: TaxonomyTransfer | null): ParseHandler {
  const taxonomy = transfer ? taxonomyFromTransfer(transfer) : null
  return {
    async handle(request) {
      const started = performance.now()
      const outcome = await extractDocument(request.bytes, request.fileName, request.limits)
      const result = taxonomy ? readExtracted(outcome, taxonomy, new Date(request.now), request) : { outcome }
      return { ...result, ms: performance.now() - started, workerId: threadId }
    },
  }
}
