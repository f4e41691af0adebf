import type { ContentFlag, ExtractedDocument, ExtractLimits } from '../../types'
import { cleanLine, cleanText, visibleCharCount } from '../clean-text'
import { undoubled } from '../line-breaks'
import type { Deadline } from '../deadline'
import { detectInjection } from '../injection'
import { formatBytes, refuse, RefusalError } from '../limits'
import { classifyPieces } from './classify'
import type { Box } from './geometry'
import { assembleLines, unwrapPages, type AssembledLine } from './lines'
import { walkOperators, type FontMetrics, type TextPiece } from './page-walker'
import { findCMapDirectory, findStandardFontDirectory, loadPdfJs, openDocumentWorker, type PdfWorker } from './pdfjs'

/** Fewer non-space characters than this in the whole file: a scan or a picture, not a text PDF. */
const MIN_TEXT_CHARS = 20
const MAX_HIDDEN_FLAGS = 40

/**
 * Reads a PDF's text the way a reader sees the rendered pages. Every page's operator list is
 * replayed once (see page-walker): the same pass gives the text, its position and its colour, so
 * hidden text is separated from visible text without a second extraction. `openWorker` gives pdf.js
 * its in-thread worker (undefined: pdf.js's own, which copies every message; tests compare the two).
 */
export async function readPdf(
  bytes: Uint8Array,
  limits: ExtractLimits,
  deadline: Deadline,
  openWorker: () => Promise<PdfWorker | undefined> = openDocumentWorker,
): Promise<ExtractedDocument> {
  const pdfjs = await loadPdfJs()
  const cMapUrl = findCMapDirectory()
  const standardFontDataUrl = findStandardFontDirectory()
  const worker = await openWorker()
  let task: ReturnType<typeof pdfjs.getDocument> | undefined
  try {
    task = pdfjs.getDocument({
      ...(worker ? { worker } : {}),
      // pdf.js may take ownership of the buffer; the caller keeps its own copy.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      // A font the PDF does not embed (Helvetica, Arial, Times) is then left to the system instead of
      // being asked for from pdf.js's own font files, which this reader does not ship: the request
      // failed for every such font of every file, about a fifth of a PDF's reading, for the same
      // result (the widths come from pdf.js's built-in metrics either way; nothing is drawn).
      useSystemFonts: true,
      useWorkerFetch: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      enableXfa: false,
      disableAutoFetch: true,
      disableStream: true,
      disableRange: true,
      fontExtraProperties: false,
      // Where a picture is drawn matters (what it covers, what lies on it); its pixels never do. This
      // option is our patch to pdf.js (patches/README.md): decoding a photo cost more than the rest of
      // the resume's reading, and a 74 KB file's 5,000 x 5,000 picture held 130 MB while it was read.
      decodeImages: false,
      // Nor is text drawn: no glyph outlines are built, and a TrueType font whose text and widths come
      // from the PDF's own maps is not rebuilt for drawing (our patch too). On resumes printed by
      // Chromium, whose fonts are all of that kind, the rebuild was about a quarter of the reading.
      convertFonts: false,
      // A stream of a few kilobytes can unpack to gigabytes; no part of a resume comes near this.
      maxStreamBytes: limits.maxUnzippedBytes,
      stopAtErrors: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
      ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
      ...(standardFontDataUrl ? { standardFontDataUrl } : {}),
    })
    const pdf = await deadline.race(task.promise).catch((error: unknown) => {
      throw asRefusal(error, limits)
    })
    if (pdf.numPages > limits.maxPages) {
      refuse('too_long', `The PDF has ${pdf.numPages} pages; resumes over ${limits.maxPages} pages are not read.`)
    }
    const visiblePages: AssembledLine[][] = []
    const hiddenFlags: ContentFlag[][] = []
    const hiddenLines: string[] = []
    let hiddenFlagCount = 0
    let layers: { isVisible(group: unknown): boolean } | null = null

    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await deadline.race(pdf.getPage(pageNumber))
      const operators = await deadline.race(page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE }))
      if (!layers && usesLayers(operators.argsArray, operators.fnArray, pdfjs.OPS.beginMarkedContentProps)) {
        layers = await deadline.race(pdf.getOptionalContentConfig())
      }
      const drawing = walkOperators(
        operators.fnArray,
        operators.argsArray,
        pdfjs.OPS,
        (id) => (page.commonObjs.has(id) ? (page.commonObjs.get(id) as FontMetrics) : null),
        (props) => {
          try {
            return layers?.isVisible(props) !== false
          } catch {
            return true
          }
        },
      )
      const visibility = classifyPieces(drawing, page.view as Box)
      const visible: TextPiece[] = []
      const hidden: { piece: TextPiece; detail: string }[] = []
      drawing.pieces.forEach((piece, index) => {
        const verdict = visibility[index]!
        if (verdict.hidden) hidden.push({ piece, detail: verdict.detail })
        else visible.push(piece)
      })
      page.cleanup()

      visiblePages.push(assembleLines(visible))
      const pageFlags: ContentFlag[] = []
      hiddenFlags.push(pageFlags)
      const detailOf = new Map(hidden.map(({ piece, detail }) => [piece, detail]))
      for (const line of assembleLines(hidden.map(({ piece }) => piece))) {
        const text = cleanLine(line.text)
        if (text === '') continue
        hiddenLines.push(text)
        pageFlags.push(...detectInjection(text, { page: pageNumber, hidden: true }))
        if (hiddenFlagCount++ < MAX_HIDDEN_FLAGS) {
          const details = [...new Set([...line.pieces, ...(line.late ?? [])].map((piece) => detailOf.get(piece)!))]
          pageFlags.push({
            kind: 'hidden_text',
            detail: `Text a reader cannot see: ${details.join('; ')}`,
            text,
            page: pageNumber,
          })
        }
      }
    }
    const pagesText = unwrapPages(visiblePages)
    const flags = pagesText.flatMap((lines, index) => [
      ...detectInjection(lines.join('\n'), { page: index + 1 }),
      ...hiddenFlags[index]!,
    ])
    flags.push(...(await metadataFlags(pdf, deadline)))

    // Pages run on with no blank line between: a page break falls where the text has none as often as
    // not (a job's title at the foot of one page, its dates at the head of the next), and the reader
    // takes a blank line for the end of a job's header. Space after every paragraph gives a blank line
    // after every line, read as none (see undoubled), page by page since the pages join with none.
    const text = cleanText(pagesText.map((lines) => undoubled(lines.join('\n'))).join('\n'))
    const hiddenText = hiddenLines.join('\n')
    if (visibleCharCount(text) < MIN_TEXT_CHARS && visibleCharCount(hiddenText) < MIN_TEXT_CHARS) {
      refuse('no_text_layer', 'The PDF has no text layer (it is a scan or an image); it would need OCR to be read.')
    }
    return { format: 'pdf', text, hiddenText, pages: pdf.numPages, flags }
  } catch (error) {
    throw streamTooLarge(error, limits) ?? error
  } finally {
    await task?.destroy().catch(() => undefined)
    worker?.destroy()
  }
}

function usesLayers(argsArray: ArrayLike<unknown>, fnArray: ArrayLike<number>, beginProps: number): boolean {
  for (let index = 0; index < fnArray.length; index++) {
    if (fnArray[index] === beginProps && (argsArray[index] as unknown[] | null)?.[0] === 'OC') return true
  }
  return false
}

/** Document metadata is never shown on the page, so an instruction in it is aimed at software. */
async function metadataFlags(
  pdf: { getMetadata(): Promise<{ info: unknown }> },
  deadline: Deadline,
): Promise<ContentFlag[]> {
  const { info } = await deadline.race(pdf.getMetadata())
  if (!info || typeof info !== 'object') return []
  const fields = ['Title', 'Subject', 'Keywords', 'Author', 'Creator'] as const
  const values = fields
    .map((field) => (info as Record<string, unknown>)[field])
    .filter((value): value is string => typeof value === 'string')
  return detectInjection(values.join('\n'), { hidden: true, context: "in the file's metadata" })
}

/** pdf.js's refusal of a stream that unpacks beyond `maxStreamBytes` (our patch), as it reaches this side. */
function streamTooLarge(error: unknown, limits: ExtractLimits): RefusalError | null {
  const { name, details } = (error ?? {}) as { name?: string; details?: unknown }
  const thrown = name === 'UnknownErrorException' && typeof details === 'string' ? details.split(':')[0] : name
  if (thrown !== 'StreamTooLargeError') return null
  return new RefusalError(
    'zip_bomb',
    `A compressed part of the PDF unpacks to more than ${formatBytes(limits.maxUnzippedBytes)}: a decompression bomb.`,
  )
}

function asRefusal(error: unknown, limits: ExtractLimits): RefusalError {
  if (error instanceof RefusalError) return error
  const tooLarge = streamTooLarge(error, limits)
  if (tooLarge) return tooLarge
  const name = (error as { name?: string } | null)?.name
  if (name === 'PasswordException') {
    return new RefusalError(
      'encrypted',
      'The PDF is protected by a password, so its text cannot be read. Ask for an unprotected copy.',
    )
  }
  if (name === 'InvalidPDFException')
    return new RefusalError('corrupt', 'The file is damaged or not a real PDF; it could not be opened.')
  return new RefusalError(
    'corrupt',
    `The PDF could not be opened: ${(error as Error | null)?.message ?? 'unknown error'}.`,
  )
}
