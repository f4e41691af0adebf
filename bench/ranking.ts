/**
 * Ranking quality: every labeled set under tests/fixtures/ranking (or the folder given) through the
 * real command line (`panelist screen --json`, every resume against each category's job), beside a
 * plain BM25 (wink-bm25-text-search over the raw text) and a plain TF-IDF cosine baseline. Prints
 * P@5, P@10, MAP and nDCG@10 per category and the mean per set. Figures only; no thresholds.
 * With --formats, each set's resumes are also saved as Word files and as PDFs
 * (tests/fixtures/resumes/render-plain.ts) and ranked again: the means per format, and how many
 * resumes' scores moved between formats. With --libreoffice as well, LibreOffice saves them too
 * (`soffice --headless --convert-to`, its text import: a fixed-width font, its own line breaking and
 * font fallback; apt-get install libreoffice-writer-nogui), and Chromium prints each as a web page
 * (a line per block, in four font families, with its kerning): PDF makers that are not ours. With
 * --reportlab, ReportLab draws them as a Python script would (bench/reportlab_pdf.py: a Paragraph per
 * line, or each line cut at 95 characters by textwrap; apt-get install python3-reportlab). With
 * --casual, the sets that have them are ranked against their `jobs-casual` postings instead: the same
 * categories written by another hand, as a job board's postings are. With --pooled, every set's resumes
 * are ranked together, for each set's postings (or casual postings) in turn (see pooledSets).
 * Run: npx tsx bench/ranking.ts [sets folder] [--formats] [--libreoffice] [--reportlab] [--casual] [--pooled]
 */
import { execFile, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import {
  bm25Baseline,
  loadLabeledSets,
  meanMetrics,
  METRIC_NAMES,
  metricsOf,
  pooledSets,
  relevantFor,
  resumePath,
  tfidfBaseline,
  type LabeledSet,
  type Metrics,
} from './ranking-eval'
import { textToDocx, textToPdf } from '../tests/fixtures/resumes'
import { launchChromium } from '../tests/helpers/browser'
import { pythonCommand } from './python'

const args = process.argv.slice(2)
const formats = args.includes('--formats')
const libreOfficeAsked = args.includes('--libreoffice')
const libreOffice = libreOfficeAsked && !spawnSync('soffice', ['--version']).error
if (libreOfficeAsked && !libreOffice)
  console.log('Other PDF makers: skipped (needs LibreOffice: apt-get install libreoffice-writer-nogui)')
const reportLabAsked = args.includes('--reportlab')
const reportLab = reportLabAsked && spawnSync(pythonCommand(), ['-c', 'import reportlab']).status === 0
if (reportLabAsked && !reportLab)
  console.log(`ReportLab's PDFs: skipped (needs ReportLab for ${pythonCommand()}: apt-get install python3-reportlab)`)
const root = path.resolve(
  args.find((arg) => !arg.startsWith('--')) ?? path.join(__dirname, '../tests/fixtures/ranking'),
)
const CLI = path.join(__dirname, '../electron/cli/cli.ts')

interface CliRanking {
  ranked: { file: string; score: number }[]
}

interface CliRun {
  duplicates: { file: string }[]
}

type Rankings = Map<string, { file: string; score: number }[]>

/**
 * One `panelist screen` run for every job of the set over `folder` (the set's resumes by default):
 * the product's ranking per category, each file named as labels.json names it (its .txt name), and
 * the files it took for the same person as another it kept (the same e-mail or phone).
 */
async function productRun(
  set: LabeledSet,
  folder = path.join(set.dir, 'resumes'),
): Promise<{ rankings: Rankings; merged: Set<string> }> {
  const categories = Object.keys(set.jobs).sort()
  const cli = ['--import', 'tsx', CLI, 'screen', '--json', '--top', '100000']
  for (const category of categories) cli.push('--job', set.jobs[category]!)
  cli.push(folder)
  const { stdout } = await promisify(execFile)(process.execPath, cli, { maxBuffer: 512 * 1024 * 1024 })
  const output = JSON.parse(stdout) as CliRun & (CliRanking | { results: CliRanking[] })
  const results = 'results' in output ? output.results : [output]
  const labelName = (file: string) => `${path.basename(file, path.extname(file))}.txt`
  const rankings: Rankings = new Map(
    categories.map((category, i) => [
      category,
      results[i]!.ranked.map((r) => ({ file: labelName(r.file), score: r.score })),
    ]),
  )
  return { rankings, merged: new Set(output.duplicates.map((d) => labelName(d.file))) }
}

const order = (rankings: Rankings, category: string) => rankings.get(category)!.map((r) => r.file)

type Saved = {
  label: string
  format: 'docx' | 'pdf'
  maker: 'ours' | 'libreoffice' | 'libreoffice-from-docx' | 'chromium' | 'reportlab-paragraphs' | 'reportlab-lines'
}

const FONT_FAMILIES = ['serif', 'sans-serif', 'DejaVu Sans Condensed', 'Liberation Sans Narrow']

/** Each resume printed by Chromium as a web page, a block per line, into `folder`. */
async function printByChromium(set: LabeledSet, folder: string): Promise<void> {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
    for (const [index, file] of Object.keys(set.labels).entries()) {
      const lines = fs.readFileSync(resumePath(set, file), 'utf8').split('\n')
      const body = lines.map((line) => (line.trim() === '' ? '<br>' : `<div>${escape(line)}</div>`)).join('')
      const style = `body{font-family:${FONT_FAMILIES[index % FONT_FAMILIES.length]};margin:40px;font-size:11px}`
      await page.setContent(`<!doctype html><meta charset="utf-8"><style>${style}</style>${body}`)
      const name = `${path.basename(file, path.extname(file))}.pdf`
      fs.writeFileSync(path.join(folder, name), await page.pdf({ format: 'A4' }))
    }
  } finally {
    await browser.close()
  }
}

/** The set's resumes saved as `format` in a temporary folder, by our renderers, LibreOffice or Chromium. */
async function saveAs(set: LabeledSet, { format, maker }: Saved): Promise<string> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `panelist-ranking-${format}-`))
  if (maker === 'libreoffice') {
    const files = Object.keys(set.labels).map((file) => resumePath(set, file))
    const filter = format === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf'
    const text = 'Text (encoded):UTF8,LF,,,'
    await promisify(execFile)('soffice', [
      '--headless',
      `--infilter=${text}`,
      '--convert-to',
      filter,
      '--outdir',
      folder,
      ...files,
    ])
    return folder
  }
  if (maker === 'libreoffice-from-docx') {
    // A Word file exported to PDF: our DOCX (a proportional font, Word's paragraphs) through LibreOffice.
    const docx = await saveAs(set, { label: 'DOCX', format: 'docx', maker: 'ours' })
    const files = fs.readdirSync(docx).map((file) => path.join(docx, file))
    await promisify(execFile)('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', folder, ...files])
    fs.rmSync(docx, { recursive: true, force: true })
    return folder
  }
  if (maker === 'chromium') {
    await printByChromium(set, folder)
    return folder
  }
  if (maker === 'reportlab-paragraphs' || maker === 'reportlab-lines') {
    const script = path.join(__dirname, 'reportlab_pdf.py')
    const mode = maker === 'reportlab-lines' ? 'lines' : 'paragraphs'
    await promisify(execFile)(pythonCommand(), [script, path.join(set.dir, 'resumes'), folder, mode])
    return folder
  }
  for (const file of Object.keys(set.labels)) {
    const text = fs.readFileSync(resumePath(set, file), 'utf8')
    const bytes = format === 'docx' ? await textToDocx(text) : await textToPdf(text)
    fs.writeFileSync(path.join(folder, `${path.basename(file, path.extname(file))}.${format}`), bytes)
  }
  return folder
}

/** The same resumes as TXT, DOCX and PDF: means per format, and scores that moved from the TXT's. */
async function compareFormats(set: LabeledSet, asText: Rankings): Promise<void> {
  console.log(
    `\n## ${set.name} in ${libreOffice || reportLab ? 'three formats, several makers' : 'three formats'}\n${header}`,
  )
  const categories = Object.keys(set.jobs).sort()
  const meanOf = (rankings: Rankings) =>
    meanMetrics(categories.map((category) => metricsOf(order(rankings, category), relevantFor(set, category))))
  console.log(row('  TXT', meanOf(asText)))
  const makers: Saved[] = [
    { label: 'DOCX', format: 'docx', maker: 'ours' },
    { label: 'PDF', format: 'pdf', maker: 'ours' },
    ...(libreOffice
      ? ([
          { label: 'DOCX (LibreOffice)', format: 'docx', maker: 'libreoffice' },
          { label: 'PDF (LibreOffice)', format: 'pdf', maker: 'libreoffice' },
          { label: 'PDF (LibreOffice, of DOCX)', format: 'pdf', maker: 'libreoffice-from-docx' },
          { label: 'PDF (Chromium)', format: 'pdf', maker: 'chromium' },
        ] as const)
      : []),
    ...(reportLab
      ? ([
          { label: 'PDF (ReportLab, paragraphs)', format: 'pdf', maker: 'reportlab-paragraphs' },
          { label: 'PDF (ReportLab, 95 columns)', format: 'pdf', maker: 'reportlab-lines' },
        ] as const)
      : []),
  ]
  for (const saved of makers) {
    const folder = await saveAs(set, saved)
    try {
      const { rankings } = await productRun(set, folder)
      console.log(row(`  ${saved.label}`, meanOf(rankings)))
      const moved: string[] = []
      let missing = 0
      let largest = 0
      for (const file of Object.keys(set.labels)) {
        const deltas = categories.map((category) => {
          const text = asText.get(category)!.find((r) => r.file === file)
          const other = rankings.get(category)!.find((r) => r.file === file)
          return text && other ? Math.abs(text.score - other.score) : text || other ? Infinity : 0
        })
        const worst = Math.max(...deltas)
        if (worst === Infinity) missing++
        else if (worst > 1) moved.push(`${file} ${worst.toFixed(1)}`)
        if (Number.isFinite(worst)) largest = Math.max(largest, worst)
      }
      console.log(
        `    ${moved.length} of ${Object.keys(set.labels).length} resumes scored more than 1 point apart from their TXT for some job (largest ${largest.toFixed(1)}); ${missing} ranked in one format only`,
      )
      if (moved.length) console.log(`    ${moved.join(', ')}`)
    } finally {
      fs.rmSync(folder, { recursive: true, force: true })
    }
  }
}

const withoutFiles = (set: LabeledSet, left: ReadonlySet<string>): LabeledSet => ({
  ...set,
  labels: Object.fromEntries(Object.entries(set.labels).filter(([file]) => !left.has(file))),
})

const KEYS = Object.keys(METRIC_NAMES) as (keyof Metrics)[]
const row = (label: string, m: Metrics) => `${label.padEnd(30)}${KEYS.map((k) => m[k].toFixed(3).padStart(9)).join('')}`
const header = `${''.padEnd(30)}${KEYS.map((k) => METRIC_NAMES[k].padStart(9)).join('')}`

async function main() {
  const labeled = loadLabeledSets(root, args.includes('--casual') ? 'jobs-casual' : 'jobs')
  if (!labeled.length) throw new Error(`No labeled sets (folders with labels.json) under ${root}`)
  const pool = args.includes('--pooled') ? fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-ranking-pool-')) : null
  process.on('exit', () => pool && fs.rmSync(pool, { recursive: true, force: true }))
  const sets = pool ? pooledSets(labeled, loadLabeledSets(root), pool) : labeled
  for (const whole of sets) {
    // Writers of different sets gave a few of their people the same made-up address, so in a pool
    // such files stand for one person: every ranker is judged without them, not the product alone.
    const { rankings: product, merged } = await productRun(whole)
    const set = withoutFiles(whole, merged)
    const files = Object.keys(set.labels)
    const texts = new Map(files.map((file) => [file, fs.readFileSync(resumePath(set, file), 'utf8')]))
    const baselines = { bm25: bm25Baseline(texts), tfidf: tfidfBaseline(texts) }
    const all = { product: [] as Metrics[], bm25: [] as Metrics[], tfidf: [] as Metrics[] }
    const lines: string[] = []
    for (const category of Object.keys(set.jobs).sort()) {
      const relevant = relevantFor(set, category)
      const query = fs.readFileSync(set.jobs[category]!, 'utf8')
      const m = {
        product: metricsOf(order(product, category), relevant),
        bm25: metricsOf(baselines.bm25(query), relevant),
        tfidf: metricsOf(baselines.tfidf(query), relevant),
      }
      for (const key of ['product', 'bm25', 'tfidf'] as const) all[key].push(m[key])
      lines.push(
        `${category} (${relevant.size})`,
        row('  panelist screen', m.product),
        row('  BM25', m.bm25),
        row('  TF-IDF', m.tfidf),
      )
    }
    const mean = { product: meanMetrics(all.product), bm25: meanMetrics(all.bm25), tfidf: meanMetrics(all.tfidf) }
    const wins = all.product.filter((m, i) => m.ap > all.bm25[i]!.ap).length
    const losses = all.product.filter((m, i) => m.ap < all.bm25[i]!.ap).length
    const left = merged.size
      ? ` (and ${merged.size} the product took for the same person as another, left out of every ranking)`
      : ''
    console.log(
      `\n# ${set.name}: ${files.length} resumes${left}, ${Object.keys(set.jobs).length} categories\n${header}`,
    )
    console.log(lines.join('\n'))
    console.log(
      `mean\n${row('  panelist screen', mean.product)}\n${row('  BM25', mean.bm25)}\n${row('  TF-IDF', mean.tfidf)}`,
    )
    console.log(
      `ratio product / BM25: ${KEYS.map((k) => `${METRIC_NAMES[k]} ${(mean.product[k] / mean.bm25[k]).toFixed(2)}`).join(', ')}; MAP above BM25 in ${wins} categories, below in ${losses}`,
    )
    if (formats) await compareFormats(set, product)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
