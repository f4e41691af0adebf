/**
 * Extraction figures for the reading half of screening, on generated PDF and DOCX resumes:
 * files/second for (1) bare pdf.js text content and bare mammoth, the "raw text" baseline;
 * (2) extractDocument alone (hidden-text and hostile-input checks included); (3) extraction plus
 * reading; (4) the same through the parse pool on every core. Prints figures; no thresholds.
 * Run: npx tsx bench/extract.ts [count=200]
 */
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import mammoth from 'mammoth'
import { extractDocument } from '@core/screening/extract'
import { loadPdfJs } from '@core/screening/extract/pdf/pdfjs'
import { createParsePool } from '@core/screening/parse-pool'
import { readResume } from '@core/screening/read'
import { loadTaxonomyFile } from '@core/screening/taxonomy'
import { buildResume, fixturePeople, FIXTURE_NOW, renderDocx, renderPdf } from '../tests/fixtures/resumes'

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
          ? await renderPdf(resume, { layout: index % 4 === 0 ? 'banner' : 'classic' })
          : await renderDocx(resume)
      return { fileName: `${person.id}.${kind}`, bytes, kind }
    }),
  )
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
  for (const file of files.slice(0, 6)) await run(file)
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  for (const file of files) await run(file)
  const wallMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  const cpuMs = (cpu.user + cpu.system) / 1000
  console.log(
    `${label.padEnd(44)} ${((files.length * 1000) / cpuMs).toFixed(1).padStart(7)} files/CPU-s ${((files.length * 1000) / wallMs).toFixed(1).padStart(7)} files/s wall`,
  )
  return cpuMs
}

async function main() {
  const taxonomy = await loadTaxonomyFile(path.resolve('resources/skills.json'))
  const generating = performance.now()
  const files = await generate()
  const megabytes = files.reduce((sum, file) => sum + file.bytes.length, 0) / 1024 / 1024
  console.log(
    `${files.length} resumes (${files.filter((file) => file.kind === 'pdf').length} PDF, ${files.filter((file) => file.kind === 'docx').length} DOCX, ${megabytes.toFixed(1)} MB) generated in ${Math.round(performance.now() - generating)} ms`,
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
  const documents = await Promise.all(files.map((file) => extractDocument(file.bytes, file.fileName)))
  const readStarted = performance.now()
  for (const outcome of documents) if (outcome.ok) readResume(outcome.document, taxonomy, { now: FIXTURE_NOW })
  const readMs = performance.now() - readStarted

  const poolRun = async (size: number) => {
    const pool = createParsePool({
      workerFile: path.resolve('electron/core/screening/parse-pool/worker.ts'),
      taxonomy: taxonomy.data,
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
  console.log(`pool speed-up, ${cores} workers over 1 (wall clock):  ${(single / all).toFixed(2)}x`)
  console.log(
    `load average at the end:                         ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}`,
  )
}

void main()
