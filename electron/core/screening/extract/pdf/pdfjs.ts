import { createRequire, Module } from 'node:module'
import path from 'node:path'
import { requireHere } from '../node-require'

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type PdfJsWorker = typeof import('pdfjs-dist/legacy/build/pdf.worker.mjs')
export type PdfWorker = InstanceType<PdfJs['PDFWorker']>

let loading: Promise<{ pdfjs: PdfJs; worker: PdfJsWorker }> | undefined

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
export async function loadPdfJs(): Promise<PdfJs> {
  return (await loadBoth()).pdfjs
}

function loadBoth() {
  loading ??= (async () => {
    keepCanvasUnloaded()
    const natives = nativesPdfJsReplaces()
    const response = responseUntilUsed()
    try {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
      // pdf.js looks here for an in-thread worker before it would try to load one by URL.
      ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
      return { pdfjs: await import('pdfjs-dist/legacy/build/pdf.mjs'), worker }
    } finally {
      natives.restore()
      response.restore()
    }
  })()
  return loading
}

type Constructor = { prototype: object }
const withBytes = (response: Constructor) => {
  const prototype = response.prototype as { bytes?: unknown; arrayBuffer(): Promise<ArrayBuffer> }
  if (typeof prototype.bytes !== 'function')
    prototype.bytes = async function (this: typeof prototype) {
      return new Uint8Array(await this.arrayBuffer())
    }
  return response
}

/**
 * Both halves of pdf.js add Response.prototype.bytes as they load when the platform lacks it (Node
 * 20 does). Node's Response is a lazy global: reading it loads Node's whole fetch implementation
 * (undici), about 26 ms and 5 MiB in every parse worker, which never fetches anything. While pdf.js
 * loads, Response is a stand-in that has the method; afterwards Node's lazy global is back, and the
 * same method is added to the real Response when something first reads it (pdf.js does only to
 * write a PDF, which this reader never does).
 */
function responseUntilUsed(): { restore(): void } {
  const global = globalThis as { Response?: unknown }
  const lazy = Object.getOwnPropertyDescriptor(global, 'Response')
  const load = lazy?.get
  if (!lazy || !load) return { restore: () => undefined }
  Object.defineProperty(global, 'Response', { value: withBytes(class {}), configurable: true, writable: true })
  return {
    restore: () =>
      Object.defineProperty(global, 'Response', {
        ...lazy,
        get() {
          return withBytes(load.call(this) as Constructor)
        },
      }),
  }
}

/**
 * pdf.js's legacy build (the one that runs on Node 20) brings core-js, which replaces three of V8's
 * own built-ins for the whole thread with JavaScript versions: Array.prototype.push (for arrays
 * whose length is read-only), JSON.parse (to hand a reviver the source text) and JSON.stringify
 * (for JSON.rawJSON). Neither pdf.js nor this code uses those cases, and the replacements are
 * several times slower for every push and JSON call in the thread (push alone was about a tenth of
 * a PDF's reading), so V8's own are put back once pdf.js is loaded. What core-js adds that Node 20
 * lacks (Promise.withResolvers, iterator helpers, new Set methods) stays.
 */
function nativesPdfJsReplaces(): { restore(): void } {
  const saved = [
    [Array.prototype, 'push', Array.prototype.push],
    [JSON, 'parse', JSON.parse],
    [JSON, 'stringify', JSON.stringify],
  ] as const
  return {
    restore: () => {
      for (const [owner, name, value] of saved)
        Object.defineProperty(owner, name, { value, writable: true, configurable: true, enumerable: false })
    },
  }
}

type Listener = (this: DirectPort, event: { data: unknown }) => void

/**
 * The channel between pdf.js's two halves when both run in this thread. pdf.js's own in-thread
 * port deep-copies every message (structuredClone, as a real worker boundary would), about a sixth
 * of a PDF's reading. Here messages are handed over as they are, except the one thing the sending
 * side reuses after sending: an operator-list chunk's two top-level arrays, which the worker empties
 * for its next chunk (OperatorList.flush); they are copied. Everything else pdf.js sends is built
 * for the message and not touched again. Delivery stays asynchronous and in order, as with pdf.js's
 * port. tests/unit/screening/pdf-direct-port.test.ts holds the reader to the same output as with
 * pdf.js's own port on every fixture, hostile ones included.
 */
class DirectPort {
  #listeners = new Map<Listener, (() => void) | null>()
  #deferred = Promise.resolve()

  postMessage(message: unknown): void {
    const event = { data: withOwnOperatorArrays(message) }
    void this.#deferred.then(() => {
      for (const [listener] of this.#listeners) listener.call(this, event)
    })
  }

  addEventListener(_name: string, listener: Listener, options?: { signal?: AbortSignal }): void {
    const signal = options?.signal
    if (signal?.aborted) return
    let stopListening: (() => void) | null = null
    if (signal) {
      const onAbort = () => this.removeEventListener(_name, listener)
      signal.addEventListener('abort', onAbort)
      stopListening = () => signal.removeEventListener('abort', onAbort)
    }
    this.#listeners.set(listener, stopListening)
  }

  removeEventListener(_name: string, listener: Listener): void {
    this.#listeners.get(listener)?.()
    this.#listeners.delete(listener)
  }

  terminate(): void {
    for (const [, stopListening] of this.#listeners) stopListening?.()
    this.#listeners.clear()
  }
}

function withOwnOperatorArrays(message: unknown): unknown {
  const chunk = (message as { chunk?: { fnArray?: unknown; argsArray?: unknown } } | null)?.chunk
  if (!chunk || !Array.isArray(chunk.fnArray) || !Array.isArray(chunk.argsArray)) return message
  return {
    ...(message as object),
    chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() },
  }
}

/** A pdf.js worker for one document, its two halves joined by a DirectPort; destroy it after the document. */
export async function openDocumentWorker(): Promise<PdfWorker> {
  const { pdfjs, worker } = await loadBoth()
  const port = new DirectPort()
  worker.WorkerMessageHandler.initializeFromPort(port)
  return pdfjs.PDFWorker.create({ port: port as unknown as Worker })
}

const dataDirectories = new Map<string, string | null>()

/** A folder of data that pdfjs-dist ships beside its code, with a trailing separator; null if not found. */
function pdfjsDataDirectory(folder: 'cmaps' | 'standard_fonts'): string | null {
  if (!dataDirectories.has(folder)) {
    try {
      const manifest = requireHere().resolve('pdfjs-dist/package.json')
      dataDirectories.set(folder, path.join(path.dirname(manifest), folder) + path.sep)
    } catch {
      dataDirectories.set(folder, null)
    }
  }
  return dataDirectories.get(folder)!
}

/** pdf.js's character maps on disk (for CJK fonts that are not embedded), or null if not found. */
export const findCMapDirectory = () => pdfjsDataDirectory('cmaps')

/**
 * pdf.js's standard fonts on disk, or null. With system fonts allowed it asks for only two of them,
 * Symbol and ZapfDingbats, whose own encodings tell their characters: a PDF that draws "→" or "✓"
 * from them without embedding them (ReportLab does) made pdf.js print a warning on the command line.
 */
export const findStandardFontDirectory = () => pdfjsDataDirectory('standard_fonts')
