import { withoutInstructions } from '../extract/injection'
import { readResume } from '../read'
import { judgeResumeLikeness } from '../read/resume-likeness'
import { buildFeatures, type ResumeFeatures } from '../scoring/features'
import type { Taxonomy } from '../taxonomy'
import type { ExtractedDocument, ExtractOutcome, ParsedResume } from '../types'
import type { ParseResult, ReadChoice } from './protocol'

/**
 * What reading adds to an extracted file: whether it reads as a resume, then the read resume and its
 * scoring features. The parse worker runs it after extracting; the CLI can run it on its own thread
 * instead (see ParseWorkerData.read). Never throws.
 */
export function readExtracted(
  extracted: ExtractOutcome,
  taxonomy: Taxonomy,
  now: Date,
  { acceptNonResume = false }: ReadChoice = {},
): Pick<ParseResult, 'outcome' | 'parsed' | 'features'> {
  // A JSON Resume is one by its schema; anything else is judged on the text a reader sees, unless the
  // recruiter has seen the judgement and chosen to import it anyway.
  const judged = extracted.ok && extracted.document.format !== 'json-resume' && !acceptNonResume
  const likeness = judged ? judgeResumeLikeness(extracted.document.text) : null
  if (likeness && !likeness.resume) {
    const message = likeness.message ?? 'This does not read as a resume.'
    return { outcome: { ok: false, refusal: { reason: 'not_a_resume', message } } }
  }
  if (!extracted.ok) return { outcome: extracted }
  try {
    return { outcome: extracted, ...readDocument(extracted.document, taxonomy, now) }
  } catch (error) {
    return {
      outcome: {
        ok: false,
        refusal: { reason: 'corrupt', message: `The resume could not be read: ${(error as Error).message}` },
      },
    }
  }
}

/**
 * The read resume and its scoring features, from a document's text; the studio reads stored
 * documents again this way when the reader changes (candidates/refresh-reads.ts). May throw.
 */
export function readDocument(
  document: ExtractedDocument,
  taxonomy: Taxonomy,
  now: Date,
): { parsed: ParsedResume; features: ResumeFeatures } {
  // An instruction aimed at an AI screener is flagged and shown, never taken as evidence.
  const evidence = { ...document, text: withoutInstructions(document.text) }
  const parsed = readResume(evidence, taxonomy, { now })
  return { parsed, features: buildFeatures(evidence, parsed) }
}
