import fs from 'node:fs'
import path from 'node:path'
import { StudioError } from '../../../../shared/contract/errors'

export interface SourceFile {
  name: string
  path: string
  size: number
}

/** A folder of resumes is hundreds of files; a whole home directory by mistake should stop early. */
export const MAX_FILES_PER_BATCH = 10_000

const hidden = (name: string) => name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini'

/**
 * The files a recruiter's selection stands for: files as given, folders walked recursively. Hidden
 * files and symbolic links inside folders are skipped (a link could lead anywhere, or in a circle).
 * A path that does not exist is still listed, so its outcome can say so.
 */
export async function expandPaths(paths: readonly string[], limit = MAX_FILES_PER_BATCH): Promise<SourceFile[]> {
  const out: SourceFile[] = []
  const seen = new Set<string>()
  const add = (file: SourceFile) => {
    if (seen.has(file.path)) return
    if (out.length >= limit)
      throw new StudioError('invalid_input', `At most ${limit} files can be imported at once; choose a smaller folder`)
    seen.add(file.path)
    out.push(file)
  }
  const walk = async (dir: string) => {
    const entries = (await fs.promises.readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )
    for (const entry of entries) {
      if (hidden(entry.name)) continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) await walk(full)
      else if (entry.isFile()) add({ name: entry.name, path: full, size: (await fs.promises.stat(full)).size })
    }
  }
  for (const given of paths) {
    if (!path.isAbsolute(given))
      throw new StudioError('invalid_input', 'Paths must be absolute', [`paths: ${given.slice(0, 200)}`])
    const full = path.normalize(given)
    const stat = await fs.promises.stat(full).catch(() => null)
    if (stat?.isDirectory()) await walk(full)
    else add({ name: path.basename(full), path: full, size: stat?.size ?? 0 })
  }
  return out
}
