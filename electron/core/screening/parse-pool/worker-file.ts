import fs from 'node:fs'
import path from 'node:path'

/**
 * The parse worker's entry: the built file beside the bundle (out/main/parse-worker.js, from an
 * entry or from a shared chunk one folder down), else the TypeScript source when running from source.
 */
export function defaultParseWorkerFile(): string {
  for (const dir of [__dirname, path.dirname(__dirname)]) {
    const built = path.join(dir, 'parse-worker.js')
    if (fs.existsSync(built)) return built
  }
  return path.join(__dirname, 'worker.ts')
}
