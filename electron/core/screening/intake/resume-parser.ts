import type { ReadChoice } from '../parse-pool/protocol'
import type { ResumeFeatures } from '../scoring/features'
import type { ExtractedDocument, ParsedResume, Refusal } from '../types'

export type ParseOutcome =
  | { ok: true; document: ExtractedDocument; resume: ParsedResume; features: ResumeFeatures }
  | { ok: false; refusal: Refusal }

/** Extracts and reads one resume, off the main thread; the reader's worker pool implements it. */
export interface ResumeParser {
  parse(bytes: Uint8Array, fileName: string, signal?: AbortSignal, read?: ReadChoice): Promise<ParseOutcome>
  /** How many files it parses at once: intake keeps about twice this many in flight. */
  readonly concurrency: number
  close(): Promise<void>
}
