import path from 'node:path'

/**
 * Where `relative` (a path read from a row, never trusted) lands in the data folder, or null when
 * it would leave `dataDir/folder` (`''`: the data folder itself). `..`, an absolute path and a
 * sibling whose name merely starts the same (`files-x` beside `files`) are all outside.
 */
export function pathInside(dataDir: string, folder: string, relative: string): string | null {
  const root = path.resolve(dataDir, folder)
  const full = path.resolve(dataDir, relative)
  return full.startsWith(root + path.sep) ? full : null
}
