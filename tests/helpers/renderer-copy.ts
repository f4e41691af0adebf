import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from './temp-studio'

const BUILT_RENDERER = path.resolve(__dirname, '../../out/renderer')

/**
 * A private copy of the built renderer, for PANELIST_RENDERER_DIR: areas load lazily, so a page
 * fetches chunks long after it opened, and a build run meanwhile (another suite, another checkout
 * step) would replace them under it.
 */
export function rendererCopy(): string {
  const copy = path.join(tempDir('panelist-renderer-'), 'renderer')
  fs.cpSync(BUILT_RENDERER, copy, { recursive: true })
  return copy
}
