import path from 'node:path'

/** File types the studio imports when they are opened with the app (double-click, "Open with", CLI). */
const IMPORTABLE = new Set(['.pdf', '.docx', '.txt', '.md', '.markdown', '.json'])

/**
 * Absolute paths of importable files named on a command line. The first argument is the
 * executable, and an unpackaged run also passes the app's entry script; flags (Chromium's and
 * ours) are skipped, as is anything that is not an importable file type.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = []
  for (const arg of argv.slice(1)) {
    if (!arg || arg.startsWith('-')) continue
    if (!IMPORTABLE.has(path.extname(arg).toLowerCase())) continue
    files.push(path.resolve(cwd, arg))
  }
  return [...new Set(files)]
}

export interface LaunchFiles {
  push(files: readonly string[]): void
  /** Receives every batch, including those that arrived before anyone listened. */
  onOpenFiles(listener: (files: string[]) => void): () => void
}

/** Files handed to the app (first launch, a second launch, macOS open-file), kept until a listener takes them. */
export function createLaunchFiles(): LaunchFiles {
  const pending: string[][] = []
  const listeners = new Set<(files: string[]) => void>()
  return {
    push(files) {
      if (!files.length) return
      if (!listeners.size) {
        pending.push([...files])
        return
      }
      for (const listener of listeners) listener([...files])
    },
    onOpenFiles(listener) {
      listeners.add(listener)
      for (const files of pending.splice(0)) listener(files)
      return () => listeners.delete(listener)
    },
  }
}
