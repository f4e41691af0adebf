import type { ResumeFeatures } from '../scoring/features'
import type { TaxonomyTransfer } from '../taxonomy/build'
import type { ExtractLimits, ExtractOutcome, ParsedResume } from '../types'

/** What a parse gives back: the extraction outcome and, when it succeeded, the read resume. */
export interface ParseResult {
  outcome: ExtractOutcome
  parsed?: ParsedResume
  /** The scoring features of the read resume, computed here so that the main thread only stores them. */
  features?: ResumeFeatures
  /** Time spent in the worker, extraction and reading together. */
  ms: number
  /** Which worker thread did the work. */
  workerId: number
}

/** The readers a worker loads before it says it is ready (pdf.js; the others are part of the worker). */
export type WarmReader = 'pdf'

export interface ParseWorkerData {
  warm: readonly WarmReader[]
  /**
   * False: the worker only extracts, and the caller reads what it gives back (readExtracted). The
   * CLI's main thread, which otherwise waits on its one worker, does so for a large run.
   */
  read?: boolean
  /** A private folder for the V8 code cache of the built worker (see code-cache.ts); none, none kept. */
  codeCacheDir?: string
}

/**
 * The taxonomy comes by message rather than with the thread's start, so that a worker can load its
 * readers while the caller is still reading the taxonomy file (the CLI starts its pool first thing).
 */
export interface TaxonomyMessage {
  type: 'taxonomy'
  taxonomy: TaxonomyTransfer
}

/** How a file is read after extraction. */
export interface ReadChoice {
  /** Read it even if it does not read as a resume (the recruiter chose "Import anyway"). */
  acceptNonResume?: boolean
}

export interface ParseRequestMessage extends ReadChoice {
  type: 'parse'
  id: number
  bytes: Uint8Array
  fileName: string
  limits: ExtractLimits
  /** "Present" for the reader, as epoch milliseconds. */
  now: number
}

export type PoolMessage = TaxonomyMessage | ParseRequestMessage

export type WorkerMessage = { type: 'ready' } | { type: 'result'; id: number; result: ParseResult }
