import fs from 'node:fs'
import path from 'node:path'
import { DEFAULT_EXTRACT_LIMITS, extractDocument } from '@core/screening/extract'

/** A fixture file of `dir` as the reader extracts it; a refusal fails the test with its message. */
export async function fixtureDocument(dir: string, file: string) {
  const outcome = await extractDocument(
    new Uint8Array(fs.readFileSync(path.join(dir, file))),
    file,
    DEFAULT_EXTRACT_LIMITS,
  )
  if (!outcome.ok) throw new Error(outcome.refusal.message)
  return outcome.document
}
