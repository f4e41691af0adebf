import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { privateCacheDir } from '../parse-pool/code-cache'
import { buildTaxonomy, type Taxonomy } from './build'
import { parseTaxonomy, readTaxonomyFile } from './index'
import { SCHEMA_FILE, type TaxonomyData } from './schema'

const MARKER = /^taxonomy-[0-9a-f]{64}\.valid$/

/**
 * The marker's name for these bytes under this schema. The schema's own file is hashed with them: in
 * the build it is a chunk whose name and content change with the schema and with zod.
 */
export function validatedMarker(text: string): string {
  const schema = fs.readFileSync(SCHEMA_FILE)
  return `taxonomy-${createHash('sha256').update(schema).update('\0').update(text).digest('hex')}.valid`
}

/**
 * loadTaxonomyFile for a command started again and again. Validating the taxonomy is about 50 ms of
 * every `panelist screen` start, for the same file each time: once this schema has accepted a file's
 * exact bytes, a marker named by their hash is left in `dir` (the user's private cache folder, the one
 * the code cache uses), and the same bytes are not validated again. A changed file, a changed schema,
 * or a folder that others could write to, and every byte is checked as loadTaxonomyFile checks it.
 */
export async function loadTaxonomyFileRemembered(filePath: string, dir: string | undefined): Promise<Taxonomy> {
  const { text, json } = await readTaxonomyFile(filePath)
  const folder = dir ? privateCacheDir(dir) : null
  if (!folder) return parseTaxonomy(json)
  const marker = validatedMarker(text)
  if (fs.existsSync(path.join(folder, marker))) return buildTaxonomy(json as TaxonomyData)
  const taxonomy = parseTaxonomy(json)
  // Remembered only where validating changed nothing (zod trims names): the bytes are then the data.
  if (JSON.stringify(taxonomy.data) === JSON.stringify(json)) remember(folder, marker)
  return taxonomy
}

/** Leaves the marker, and removes the markers of other files and schemas. A failure costs only time. */
function remember(folder: string, marker: string): void {
  try {
    fs.writeFileSync(path.join(folder, marker), '', { mode: 0o600 })
    for (const name of fs.readdirSync(folder))
      if (MARKER.test(name) && name !== marker) fs.rmSync(path.join(folder, name), { force: true })
  } catch {
    // A full disk or a folder that went away: the next start validates again.
  }
}
