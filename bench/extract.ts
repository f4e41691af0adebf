/**
 * Extraction figures for the reading half of screening, on generated PDF and DOCX resumes:
 * files/second for (1) bare pdf.js text content and bare mammoth, the "raw text" baseline;
 * (2) extractDocument alone (hidden-text and hostile-input checks included); (3) extraction plus
 * reading; (4) the same through the parse pool on every core; (5) the floor: poppler's pdftotext on
 * the same PDFs in the same run, one process per file, its CPU read from this process's reaped
 * children, and extractDocument's CPU per PDF as a ratio to it; (6) PyMuPDF per PDF and python-docx
 * per DOCX, read in one Python process (bench/floor.py), alternating with extractDocument, as
 * ratios; (7) the same against PyMuPDF on resumes printed to PDF by Chromium, whose fonts are embedded
 * (TrueType subsets with Unicode maps, as a browser writes them; the generated PDFs above use the
 * standard fonts, which are not), skipped where Chromium is missing. Prints figures; no thresholds.
 * Run: npx tsx bench/extract.ts [count=200]
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import mammoth from 'mammoth'
import { extractDocument } from '@core/screening/extract'
import { loadPdfJs } from '@core/screening/extract/pdf/pdfjs'
import { createParsePool } from '@core/screening/parse-pool'
import { readResume } from '@core/screening/read'
import { loadTaxonomyFile } from '@core/screening/taxonomy'
import { buildResume, fixturePeople, FIXTURE_NOW, renderDocx, renderPdf, renderText } from '../tests/fixtures/resumes'
import { CHROMIUM, launchChromium } from '../tests/helpers/browser'
import { pythonCommand } from './python'
import { median } from './stats'

const count = Number(process.argv[2] ?? 200)

interface File {
  fileName: string
  bytes: Uint8Array
  kind: 'pdf' | 'docx'
}

async function generate(): Promise<File[]> {
  const people = fixturePeople(count)
  return Promise.all(
    people.map(async (person, index) => {
      const resume = buildResume(person)
      const kind = index % 2 === 0 ? 'pdf' : 'docx'
      const bytes =
        kind === 'pdf'
          ? await renderPdf(resume, { layout: index % 4 === 0 ? 'banner' : 'classic', photo: index % 8 === 2 })
          : await renderDocx(resume)
      return { fileName: `${person.id}.${kind}`, bytes, kind }
    }),
  )
}

const FONT_FAMILIES = ['serif', 'sans-serif', 'DejaVu Sans Condensed', 'Liberation Sans Narrow']

/** Resumes as a browser prints them: each fixture's text as an HTML page, printed to PDF by Chromium. */
async function printedByChromium(count: number): Promise<File[]> {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
    const files: File[] = []
    for (const [index, person] of fixturePeople(count).entries()) {
      const [name = '', ...lines] = Buffer.from(await renderText(buildResume(person)))
        .toString('utf8')
        .split('\n')
      const body = lines.map((line) =>
        line.trim() === ''
          ? '<br>'
          : /^[A-Z][A-Z &]+$/.test(line.trim())
            ? `<h3>${escape(line)}</h3>`
            : `<div>${escape(line)}</div>`,
      )
      const family = FONT_FAMILIES[index % FONT_FAMILIES.length]
      await page.setContent(
        `<!doctype html><style>body{font-family:${family};margin:40px;font-size:11px}</style><h1>${escape(name)}</h1>${body.join('')}`,
      )
      files.push({ fileName: `${person.id}-printed.pdf`, bytes: await page.pdf({ format: 'A4' }), kind: 'pdf' })
    }
    return files
  } finally {
    await browser.close()
  }
}

async function rawText(file: File): Promise<string> {
  if (file.kind === 'docx') return (await mammoth.extractRawText({ buffer: Buffer.from(file.bytes) })).value
  const pdfjs = await loadPdfJs()
  const task = pdfjs.getDocument({
    data: new Uint8Array(file.bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  })
  const pdf = await task.promise
  const parts: string[] = []
  for (let page = 1; page <= pdf.numPages; page++) {
    const content = await (await pdf.getPage(page)).getTextContent()
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  await task.destroy()
  return parts.join('\n')
}

/**
 * Runs `run` over every file on this thread. Reports files per CPU-second (user + system time of
 * this process), which other work on the machine barely moves, and files per wall-clock second.
 */
async function time(label: string, files: File[], run: (file: File) => Promise<unknown>) {
  const { cpuMs, wallMs } = await measure(files, run)
  console.log(
    `${label.padEnd(44)} ${((files.length * 1000) / cpuMs).toFixed(1).padStart(7)} files/CPU-s ${((files.length * 1000) / wallMs).toFixed(1).padStart(7)} files/s wall`,
  )
  return cpuMs
}

async function measure(files: File[], run: (file: File) => Promise<unknown>) {
  for (const file of files.slice(0, 6)) await run(file)
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  for (const file of files) await run(file)
  const wallMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs }
}

/** User + system CPU of this process's waited-for children so far (fields 16 and 17 of /proc/self/stat). */
function childrenCpuMs(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // After "pid (comm) ", field 3 (state) is index 0, so cutime (16) and cstime (17) are 13 and 14.
  const ticks = Number(fields[13]) + Number(fields[14])
  const hertz = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100
  return (ticks * 1000) / hertz
}

/**
 * poppler's pdftotext on every PDF, one process per file (`pdftotext file -`), as a naive peer runs
 * it: CPU per file (start-up included) from the children's times. Undefined when it is not installed.
 */
function pdftotextCpuMs(pdfs: File[]): { cpuMs: number; wallMs: number; startupCpuMs: number } | undefined {
  if (spawnSync('pdftotext', ['-v']).error) return undefined
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-bench-pdf-'))
  try {
    const paths = pdfs.map((file) => {
      const target = path.join(dir, file.fileName)
      fs.writeFileSync(target, file.bytes)
      return target
    })
    const run = (target: string) => {
      const result = spawnSync('pdftotext', [target, '-'], { maxBuffer: 64 * 1024 * 1024 })
      if (result.status !== 0) throw new Error(`pdftotext ${target}: ${String(result.stderr)}`)
    }
    for (const target of paths) run(target) // warm: page cache and the shared libraries
    const before = childrenCpuMs()
    const started = performance.now()
    for (const target of paths) run(target)
    const cpuMs = childrenCpuMs() - before
    const wallMs = performance.now() - started
    // Its start-up alone (loading poppler and its libraries, then exiting): `pdftotext -v`, as often.
    const startupBefore = childrenCpuMs()
    for (let i = 0; i < paths.length; i++) spawnSync('pdftotext', ['-v'])
    return { cpuMs, wallMs, startupCpuMs: childrenCpuMs() - startupBefore }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

interface PythonFloor {
  pymupdf: number | null
  python_docx: number | null
  versions: Record<string, string>
}

/**
 * CPU per file of extractDocument and of PyMuPDF / python-docx (bench/floor.py) on the same files,
 * alternating `rounds` times so that a busy spell on the machine hits both; prints each round's
 * ratios and their median. Skipped, with the reason, where Python or the libraries are missing.
 */
async function againstPython(pdfs: File[], docxs: File[], rounds: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-bench-floor-'))
  const extract = (file: File) => extractDocument(file.bytes, file.fileName)
  try {
    for (const file of [...pdfs, ...docxs]) fs.writeFileSync(path.join(dir, file.fileName), file.bytes)
    const ratios = { pdf: [] as number[], docx: [] as number[] }
    for (let round = 1; round <= rounds; round++) {
      // Three passes, so that one garbage collection landing in the pass does not decide the figure.
      const thrice = (files: File[]) => [...files, ...files, ...files]
      const oursPdf = (await measure(thrice(pdfs), extract)).cpuMs / (3 * pdfs.length)
      const oursDocx = docxs.length ? (await measure(thrice(docxs), extract)).cpuMs / (3 * docxs.length) : 0
      const result = spawnSync(pythonCommand(), [path.resolve('bench/floor.py'), dir, '2'], { encoding: 'utf8' })
      const floor = result.status === 0 ? (JSON.parse(result.stdout) as PythonFloor) : undefined
      if (!floor?.pymupdf || (docxs.length && !floor.python_docx)) {
        console.log(
          `PyMuPDF / python-docx: skipped (not importable by ${pythonCommand()}: apt-get install python3-fitz python3-docx)`,
        )
        return
      }
      if (round === 1) console.log(`Python floor, one process, start-up excluded: ${JSON.stringify(floor.versions)}`)
      ratios.pdf.push(oursPdf / floor.pymupdf)
      const docx = floor.python_docx && oursDocx / floor.python_docx
      if (docx) ratios.docx.push(docx)
      console.log(
        `  round ${round}: PDF ${oursPdf.toFixed(2)} vs PyMuPDF ${floor.pymupdf.toFixed(2)} ms (${ratios.pdf.at(-1)!.toFixed(2)}x)${docx ? `; DOCX ${oursDocx.toFixed(2)} vs python-docx ${floor.python_docx!.toFixed(2)} ms (${docx.toFixed(2)}x)` : ''}`,
      )
    }
    console.log(
      `extractDocument / PyMuPDF, CPU per PDF:          ${median(ratios.pdf).toFixed(2)}x median of ${rounds} (target <= 1.0x)`,
    )
    if (ratios.docx.length)
      console.log(
        `extractDocument / python-docx, CPU per DOCX:     ${median(ratios.docx).toFixed(2)}x median of ${rounds} (target <= 1.0x)`,
      )
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  const taxonomy = await loadTaxonomyFile(path.resolve('resources/skills.json'))
  const generating = performance.now()
  const files = await generate()
  const megabytes = files.reduce((sum, file) => sum + file.bytes.length, 0) / 1024 / 1024
  console.log(
    `${files.length} resumes (${files.filter((file) => file.kind === 'pdf').length} PDF, a quarter of them with a JPEG photo; ${files.filter((file) => file.kind === 'docx').length} DOCX; ${megabytes.toFixed(1)} MB) generated in ${Math.round(performance.now() - generating)} ms`,
  )
  console.log(
    `node ${process.version}, ${os.availableParallelism()} cores, one thread unless stated; load average ${os.loadavg()[0]!.toFixed(1)}\n`,
  )

  const extractAndRead = async (file: File) => {
    const outcome = await extractDocument(file.bytes, file.fileName)
    if (!outcome.ok) throw new Error(`${file.fileName}: ${outcome.refusal.message}`)
    return readResume(outcome.document, taxonomy, { now: FIXTURE_NOW })
  }
  // The first round only warms the JIT and pdf.js's code paths for all three; the second is reported.
  for (const file of files) await Promise.all([rawText(file), extractAndRead(file)])
  const raw = await time('raw text (pdf.js getTextContent / mammoth)', files, rawText)
  const extract = await time('extractDocument', files, (file) => extractDocument(file.bytes, file.fileName))
  const both = await time('extractDocument + readResume', files, extractAndRead)
  const pdfs = files.filter((file) => file.kind === 'pdf')
  const pdfExtract = await time('extractDocument, PDFs only', pdfs, (file) =>
    extractDocument(file.bytes, file.fileName),
  )
  const docxs = files.filter((file) => file.kind === 'docx')
  const docxExtract = await time('extractDocument, DOCX only', docxs, (file) =>
    extractDocument(file.bytes, file.fileName),
  )
  const popplerPdf = pdftotextCpuMs(pdfs)
  if (popplerPdf)
    console.log(
      `${'pdftotext (poppler), one process per PDF'.padEnd(44)} ${((pdfs.length * 1000) / popplerPdf.cpuMs).toFixed(1).padStart(7)} files/CPU-s ${((pdfs.length * 1000) / popplerPdf.wallMs).toFixed(1).padStart(7)} files/s wall`,
    )
  else console.log('pdftotext (poppler): not installed here (apt-get install poppler-utils); its line is skipped')
  const documents = await Promise.all(files.map((file) => extractDocument(file.bytes, file.fileName)))
  const readStarted = performance.now()
  for (const outcome of documents) if (outcome.ok) readResume(outcome.document, taxonomy, { now: FIXTURE_NOW })
  const readMs = performance.now() - readStarted

  const poolRun = async (size: number) => {
    const pool = createParsePool({
      workerFile: path.resolve('electron/core/screening/parse-pool/worker.ts'),
      taxonomy: taxonomy.transfer,
      size,
      now: () => FIXTURE_NOW,
    })
    await pool.ready()
    await Promise.all(files.slice(0, size * 3).map((file) => pool.parse(file.bytes, file.fileName)))
    const started = performance.now()
    const results = await Promise.all(files.map((file) => pool.parse(file.bytes, file.fileName)))
    const ms = performance.now() - started
    await pool.close()
    const refused = results.filter((result) => !result.outcome.ok).length
    console.log(
      `${`parse pool, ${size} worker${size > 1 ? 's' : ''} (extract + read)`.padEnd(44)} ${''.padStart(19)} ${((files.length * 1000) / ms).toFixed(1).padStart(7)} files/s wall (${refused} refused)`,
    )
    return ms
  }
  const single = await poolRun(1)
  const cores = os.availableParallelism()
  const all = cores > 1 ? await poolRun(cores) : single

  console.log(`\nreading alone: ${(readMs / files.length).toFixed(2)} ms per resume`)
  console.log(`extractDocument / raw text (CPU time):           ${(extract / raw).toFixed(2)}x`)
  console.log(`extract + read / raw text (CPU time):            ${(both / raw).toFixed(2)}x`)
  if (popplerPdf) {
    const ours = pdfExtract / pdfs.length
    const theirs = popplerPdf.cpuMs / pdfs.length
    console.log(
      `extractDocument / pdftotext, CPU per PDF:        ${(ours / theirs).toFixed(2)}x (${ours.toFixed(1)} vs ${theirs.toFixed(1)} ms; pdftotext's includes its process start-up)`,
    )
    const work = Math.max(0.01, theirs - popplerPdf.startupCpuMs / pdfs.length)
    console.log(
      `  the same without pdftotext's start-up:        ${(ours / work).toFixed(2)}x (${ours.toFixed(1)} vs ${work.toFixed(1)} ms; its start-up, \`pdftotext -v\`, ${(popplerPdf.startupCpuMs / pdfs.length).toFixed(1)} ms)`,
    )
  } else console.log('extractDocument / pdftotext, CPU per PDF:        skipped (pdftotext not installed)')
  await againstPython(pdfs, docxs, 3)
  if (fs.existsSync(CHROMIUM)) {
    const printed = await printedByChromium(Math.max(8, Math.round(count / 4)))
    console.log(
      `\n${printed.length} of the resumes printed to PDF by Chromium (embedded TrueType fonts, ${FONT_FAMILIES.join(', ')}):`,
    )
    await againstPython(printed, [], 3)
  } else console.log(`\nresumes printed by Chromium: skipped (no Chromium at ${CHROMIUM})`)
  console.log(
    `CPU per file, extractDocument alone:            ${(pdfExtract / pdfs.length).toFixed(1)} ms per PDF, ${(docxExtract / docxs.length).toFixed(1)} ms per DOCX`,
  )
  console.log(`pool speed-up, ${cores} workers over 1 (wall clock):  ${(single / all).toFixed(2)}x`)
  console.log(
    `load average at the end:                         ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}`,
  )
}

void main()
