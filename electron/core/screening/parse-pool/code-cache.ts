import { isAscii } from 'node:buffer'
import fs from 'node:fs'
import { createRequire, Module } from 'node:module'
import path from 'node:path'
import vm from 'node:vm'

/** Cache files kept at most; the oldest go first (each build of the reader leaves its own). */
const MAX_CACHE_FILES = 40

interface CompilingModule {
  exports: unknown
  _compile(content: string, filename: string): unknown
}
type Loader = (this: unknown, module: CompilingModule, filename: string) => void

export interface CodeCache {
  /**
   * Writes the cache of every file compiled without an accepted one. Called once the first file is
   * read: V8's cache then also holds the functions that reading compiled, not only the top level.
   */
  save(): void
}

/** The folder if it can hold code: a folder only its owner can write to (code from it is run). */
export function privateCacheDir(dir: string): string | null {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    const stat = fs.statSync(dir)
    const owner = process.getuid?.()
    if (!stat.isDirectory() || (owner !== undefined && stat.uid !== owner) || (stat.mode & 0o022) !== 0) return null
    return dir
  } catch {
    return null
  }
}

/**
 * Reads the build's own chunks for Node's CommonJS loader, and keeps a V8 code cache for them if
 * `dir` is given, as the v8-compile-cache package keeps one.
 *
 * Reading: Node decodes every file as UTF-8, which on Node 20 runs at about 80 MB/s (pdf.js's 2.3 MB
 * worker half took 27-31 ms); a file of ASCII bytes, as the build prints them, is the same text read
 * as Latin-1, in well under a millisecond.
 *
 * Caching: Node 20 has no module compile cache (module.enableCompileCache is Node 22.1), and pdf.js
 * alone takes about 0.3 s to compile in every parse worker. Each file that `cacheable` accepts is
 * compiled through vm.Script with the bytes V8 produced last time, kept under a key of Node's version,
 * the file's name, size and modification time (the build's chunk names carry a hash of their
 * content; hashing the 3.5 MB of chunks again, with node:crypto loaded for it, was about 10 ms of
 * every worker's start; a file edited in place gets a new time). V8 checks its version, flags and
 * the source's length again and, if it rejects the bytes, compiles from source and the cache is
 * written anew. Code compiled this way has no loader for `import()` on Node 20, so it must load its
 * dependencies with `require` (the build turns the reader's `import()` into `require`).
 */
export function installChunkLoader(dir: string | null, cacheable: (filename: string) => boolean): CodeCache {
  const pending: { file: string; script: vm.Script }[] = []
  const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions
  const load = extensions['.js']!
  extensions['.js'] = function (this: unknown, module: CompilingModule, filename: string) {
    if (!cacheable(filename)) return load.call(this, module, filename)
    const bytes = fs.readFileSync(filename)
    const content = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')
    if (!dir) return module._compile(content, filename)
    const file = path.join(dir, `${path.basename(filename, '.js')}-${cacheKey(filename, bytes.length)}.bin`)
    let cachedData: Buffer | undefined
    try {
      cachedData = fs.readFileSync(file)
    } catch {
      cachedData = undefined
    }
    // The same wrapper as Node's own, on the first line, so line numbers in stack traces hold.
    const wrapped = `(function (exports, require, module, __filename, __dirname) { ${content}\n});`
    const script = new vm.Script(wrapped, { filename, ...(cachedData ? { cachedData } : {}) })
    if (!cachedData || script.cachedDataRejected) pending.push({ file, script })
    const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown
    run.call(module.exports, module.exports, createRequire(filename), module, filename, path.dirname(filename))
  }
  return {
    save() {
      if (pending.length === 0) return
      for (const { file, script } of pending.splice(0)) {
        const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`
        try {
          fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 })
          fs.renameSync(temporary, file)
        } catch {
          fs.rmSync(temporary, { force: true })
        }
      }
      if (dir) prune(dir)
    },
  }
}

const base36 = (value: number) => Math.round(value).toString(36)

/** Node's version and platform, and the file's size and modification time, as a file-name part. */
const cacheKey = (filename: string, size: number) =>
  `${process.version}-${process.arch}-${base36(size)}-${base36(fs.statSync(filename).mtimeMs)}`

function prune(dir: string): void {
  try {
    const files = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.bin'))
      .map((name) => ({ name, mtime: fs.statSync(path.join(dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime)
    for (const { name } of files.slice(MAX_CACHE_FILES)) fs.rmSync(path.join(dir, name), { force: true })
  } catch {
    // Another worker pruned at the same time; the next save tries again.
  }
}
