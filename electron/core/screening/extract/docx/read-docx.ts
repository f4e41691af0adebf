import path from 'node:path'
import type { ContentFlag, ExtractedDocument, ExtractLimits } from '../../types'
import { cleanWrittenText } from '../../hand-wrap'
import { cleanLine, cleanText, visibleCharCount } from '../clean-text'
import type { Deadline } from '../deadline'
import { detectInjection } from '../injection'
import { CHARS_PER_PAGE, refuse } from '../limits'
import { openZip, type ZipArchive } from '../zip'
import { scanDocument, type DocumentScan } from './hidden-runs'
import { readStyles, type StyleSheet } from './run-properties'
import { attributeValue, decodeEntities, decodeXmlPart, tags, wordPrefixes } from './xml'

const MAX_HIDDEN_FLAGS = 40

/**
 * Reads a DOCX: the archive is opened with yauzl and checked under our caps (sizes, ratio, declared-versus-actual
 * size, DTDs refused) and only the parts we read are decompressed; one pass over document.xml gives
 * the visible text and the hidden runs (see hidden-runs).
 */
export async function readDocx(
  bytes: Uint8Array,
  limits: ExtractLimits,
  deadline: Deadline,
): Promise<ExtractedDocument> {
  const zip = await openZip(bytes, limits)
  try {
    return await readParts(zip, limits, deadline)
  } finally {
    zip.close()
  }
}

async function readParts(zip: ZipArchive, limits: ExtractLimits, deadline: Deadline): Promise<ExtractedDocument> {
  const part = async (name: string): Promise<string | undefined> => {
    const entry = zip.entries.get(name)
    if (!entry || entry.size === 0) return undefined
    const data = await zip.read(name)
    deadline.check()
    return data === undefined ? undefined : decodeXmlPart(name, data)
  }
  const packageRels = await part('_rels/.rels')
  const mainPart = findMainDocument(packageRels)
  const documentXml = await part(mainPart)
  if (documentXml === undefined)
    refuse('unsupported_type', 'The file is a ZIP archive but not a Word document (it has no document body).')

  const prefixes = wordPrefixes(documentXml!)
  const styles = readStyles(await part(siblingPart(mainPart, 'styles.xml')), prefixes)
  const body = scanDocument(documentXml!, prefixes, styles)
  const margins = await scanMargins(part, mainPart, styles)
  deadline.check()
  // Headers and footers are on the page (a PDF export of the file has them), and templates often
  // put the name and contact lines there; each distinct one is read once, around the body.
  const scans = [...distinct(margins.headers), body, ...distinct(margins.footers)]
  const text = cleanWrittenText(scans.map((scan) => scan.text).join('\n\n'))

  const flags: ContentFlag[] = [...detectInjection(text)]
  const hiddenLines: string[] = []
  for (const scan of scans) {
    for (const group of groupByParagraph(scan.hiddenRuns)) {
      const line = cleanLine(group.text)
      if (line === '') continue
      hiddenLines.push(line)
      flags.push(...detectInjection(line, { hidden: true }))
      if (hiddenLines.length <= MAX_HIDDEN_FLAGS)
        flags.push({ kind: 'hidden_text', detail: `Text a reader cannot see: ${group.details.join('; ')}`, text: line })
    }
  }
  flags.push(
    ...metadataFlags(await part('docProps/core.xml')),
    ...commentFlags(await part('word/comments.xml'), prefixes),
  )

  const hiddenText = hiddenLines.join('\n')
  if (visibleCharCount(text) === 0 && visibleCharCount(hiddenText) === 0)
    refuse('empty', 'The Word document has no text in it.')
  const estimatedPages = Math.max(1, Math.ceil(text.length / CHARS_PER_PAGE))
  if (estimatedPages > limits.maxPages) {
    refuse(
      'too_long',
      `The document holds about ${estimatedPages} pages of text; resumes over ${limits.maxPages} pages are not read.`,
    )
  }
  return {
    format: 'docx',
    text,
    hiddenText,
    pages: declaredPages(await part('docProps/app.xml')) ?? estimatedPages,
    flags,
  }
}

/** A part's relationships (a .rels part): each internal target with its type. */
function* relationships(rels: string | undefined): Generator<{ type: string; target: string }> {
  if (!rels) return
  for (const tag of tags(rels)) {
    if (tag.local !== 'Relationship') continue
    const target = attributeValue(tag.attributes, 'Target')
    if (!target || attributeValue(tag.attributes, 'TargetMode') === 'External') continue
    yield { type: attributeValue(tag.attributes, 'Type') ?? '', target }
  }
}

/** The officeDocument target of _rels/.rels; Word always writes word/document.xml. */
function findMainDocument(rels: string | undefined): string {
  for (const { type, target } of relationships(rels)) {
    if (/\/officeDocument$/.test(type)) return target.replace(/^\/+/, '')
  }
  return 'word/document.xml'
}

/** The header and footer parts the body's relationships name, each scanned like the body. */
async function scanMargins(
  part: (name: string) => Promise<string | undefined>,
  mainPart: string,
  styles: StyleSheet,
): Promise<{ headers: DocumentScan[]; footers: DocumentScan[] }> {
  const headers: DocumentScan[] = []
  const footers: DocumentScan[] = []
  const seen = new Set<string>()
  const rels = await part(siblingPart(mainPart, `_rels/${mainPart.split('/').pop()}.rels`))
  for (const { type, target } of relationships(rels)) {
    const into = /\/header$/.test(type) ? headers : /\/footer$/.test(type) ? footers : null
    // A target is relative to the body's folder; one outside the archive is simply not found.
    const name = path.posix.normalize(path.posix.join(path.posix.dirname(mainPart), target)).replace(/^\/+/, '')
    if (!into || seen.has(name)) continue
    seen.add(name)
    const xml = await part(name)
    if (xml !== undefined) into.push(scanDocument(xml, wordPrefixes(xml), styles))
  }
  return { headers, footers }
}

/** Sections and first/even pages repeat the same header; each one is kept once, empty ones not at all. */
function distinct(scans: readonly DocumentScan[]): DocumentScan[] {
  const kept = new Map<string, DocumentScan>()
  for (const scan of scans) {
    const key = JSON.stringify([cleanText(scan.text), scan.hiddenRuns.map((run) => run.text)])
    if (key !== '["",[]]' && !kept.has(key)) kept.set(key, scan)
  }
  return [...kept.values()]
}

const siblingPart = (mainPart: string, name: string) => mainPart.replace(/[^/]*$/, name)

function groupByParagraph(runs: readonly { text: string; detail: string; paragraph: number }[]) {
  const groups: { text: string; details: string[]; paragraph: number }[] = []
  for (const run of runs) {
    const last = groups[groups.length - 1]
    if (last && last.paragraph === run.paragraph) {
      last.text += run.text
      if (!last.details.includes(run.detail)) last.details.push(run.detail)
    } else {
      groups.push({ text: run.text, details: [run.detail], paragraph: run.paragraph })
    }
  }
  return groups
}

function declaredPages(app: string | undefined): number | undefined {
  const match = /<Pages>(\d+)<\/Pages>/.exec(app ?? '')
  const pages = match ? Number(match[1]) : NaN
  return Number.isInteger(pages) && pages > 0 ? pages : undefined
}

/** Title, subject, keywords and description are never shown on the page. */
function metadataFlags(core: string | undefined): ContentFlag[] {
  if (!core) return []
  const values = [
    ...core.matchAll(/<(?:dc:title|dc:subject|cp:keywords|dc:description|cp:category)[^>]*>([^<]*)</g),
  ].map((match) => decodeEntities(match[1]!))
  return detectInjection(values.join('\n'), { hidden: true, context: "in the file's properties" })
}

/** Comments sit beside the text, not in it: instructions there are checked too. */
function commentFlags(comments: string | undefined, prefixes: ReadonlySet<string>): ContentFlag[] {
  if (!comments) return []
  const texts: string[] = []
  let inText = false
  let from = 0
  for (const tag of tags(comments)) {
    if (!prefixes.has(tag.prefix)) continue
    if (tag.local === 'p' && tag.closing) texts.push('\n')
    if (tag.local !== 't') continue
    if (!tag.closing && !tag.selfClosing) {
      inText = true
      from = tag.end
    } else if (tag.closing && inText) {
      texts.push(decodeEntities(comments.slice(from, tag.start)))
      inText = false
    }
  }
  return detectInjection(texts.join(''), { hidden: true, context: 'in a comment' })
}
