import { createRequire } from 'node:module'
import path from 'node:path'

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let loading: Promise<PdfJs> | undefined

/**
 * pdf.js, loaded once per thread. Its worker code runs in this same thread ("fake worker"): the
 * parse pool already gives every parse its own thread, and nothing is fetched from anywhere.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    // pdf.js looks here for an in-thread worker before it would try to load one by URL.
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  return loading
}

let cMapDirectory: string | null | undefined

/** pdf.js's character maps on disk (for CJK fonts that are not embedded), or null if not found. */
export function findCMapDirectory(): string | null {
  if (cMapDirectory === undefined) {
    try {
      // Bundled (CommonJS) code has __filename; under an ES-module test runner, resolve from the project.
      const base = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js')
      const manifest = createRequire(base).resolve('pdfjs-dist/package.json')
      cMapDirectory = path.join(path.dirname(manifest), 'cmaps') + path.sep
    } catch {
      cMapDirectory = null
    }
  }
  return cMapDirectory
}
