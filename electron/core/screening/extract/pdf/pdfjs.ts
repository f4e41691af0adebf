import { createRequire, Module } from 'node:module'
import path from 'node:path'
import { requireHere } from '../node-require'

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let loading: Promise<PdfJs> | undefined

/**
 * Rendering's browser classes, which pdf.js in Node takes from @napi-rs/canvas. It builds one
 * DOMMatrix when it is imported and uses these classes only to draw on a canvas; this reader never
 * draws (page-walker replays operator lists), so each is a stand-in that fails if drawing ever used it.
 */
class RenderingUnavailable {
  multiplySelf(): never {
    throw new Error('Rendering is not available in the resume reader.')
  }
}
class PathUnavailable {
  constructor() {
    throw new Error('Rendering is not available in the resume reader.')
  }
}

/**
 * pdf.js requires @napi-rs/canvas as it is imported, only for the rendering classes above: a native
 * library of about 20 MB and 40-50 ms per thread that a text reader never calls. Node's module cache
 * answers that require with an empty module instead (the cache is documented as writable), and the
 * globals get the stand-ins, so pdf.js neither loads the library nor warns that it is missing.
 */
function keepCanvasUnloaded(): void {
  let canvasFile: string
  try {
    canvasFile = createRequire(requireHere().resolve('pdfjs-dist/legacy/build/pdf.mjs')).resolve('@napi-rs/canvas')
  } catch {
    return // not installed: pdf.js says so itself
  }
  const cache = requireHere().cache
  if (!cache[canvasFile]) {
    const empty = new Module(canvasFile)
    empty.loaded = true
    cache[canvasFile] = empty
  }
  const globals = globalThis as Record<string, unknown>
  globals.DOMMatrix ??= RenderingUnavailable
  globals.Path2D ??= PathUnavailable
  globals.ImageData ??= PathUnavailable
}

/**
 * pdf.js, loaded once per thread. Its worker code runs in this same thread ("fake worker"): the
 * parse pool already gives every parse its own thread, and nothing is fetched from anywhere.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    keepCanvasUnloaded()
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
      const manifest = requireHere().resolve('pdfjs-dist/package.json')
      cMapDirectory = path.join(path.dirname(manifest), 'cmaps') + path.sep
    } catch {
      cMapDirectory = null
    }
  }
  return cMapDirectory
}
