import { loadPdfJs, openDocumentWorker, type PdfJs } from '@core/screening/extract/pdf/pdfjs'

type Options = Omit<Parameters<PdfJs['getDocument']>[0] & object, 'data' | 'worker'>
type Document = Awaited<ReturnType<PdfJs['getDocument']>['promise']>

/**
 * Opens a PDF with pdf.js on the reader's in-thread worker, with `options` (those the patch adds
 * among them), hands it to `use`, and closes both after: for tests that look at what pdf.js gives
 * the reader.
 */
export async function withPdfDocument<T>(
  bytes: Uint8Array,
  options: Options,
  use: (pdf: Document, pdfjs: PdfJs) => Promise<T>,
): Promise<T> {
  const pdfjs = await loadPdfJs()
  const worker = await openDocumentWorker()
  const task = pdfjs.getDocument({
    ...options,
    worker,
    data: new Uint8Array(bytes),
    useSystemFonts: true,
    verbosity: 0,
  })
  try {
    return await use(await task.promise, pdfjs)
  } finally {
    await task.destroy()
    worker.destroy()
  }
}
