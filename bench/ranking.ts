/**
 * Ranking quality: every labeled set under tests/fixtures/ranking (or the folder given) through the
 * real command line (`panelist screen --json`, every resume against each category's job), beside a
 * plain BM25 (wink-bm25-text-search over the raw text) and a plain TF-IDF cosine baseline. Prints
 * P@5, P@10, MAP and nDCG@10 per category and the mean per set. Figures only; no thresholds.
 * Run: npx tsx bench/ranking.ts [sets folder]
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import {
  bm25Baseline,
  loadLabeledSets,
  meanMetrics,
  METRIC_NAMES,
  metricsOf,
  relevantFor,
  resumePath,
  tfidfBaseline,
  type LabeledSet,
  type Metrics,
} from './ranking-eval'

const root = path.resolve(process.argv[2] ?? path.join(__dirname, '../tests/fixtures/ranking'))
const CLI = path.join(__dirname, '../electron/cli/cli.ts')

interface CliRanking {
  ranked: { file: string }[]
}

/** One `panelist screen` run for every job of the set: the product's ranking per category. */
async function productRankings(set: LabeledSet): Promise<Map<string, string[]>> {
  const categories = Object.keys(set.jobs).sort()
  const args = ['--import', 'tsx', CLI, 'screen', '--json', '--top', '100000']
  for (const category of categories) args.push('--job', set.jobs[category]!)
  args.push(path.join(set.dir, 'resumes'))
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 512 * 1024 * 1024 })
  const output = JSON.parse(stdout) as CliRanking | { results: CliRanking[] }
  const results = 'results' in output ? output.results : [output]
  return new Map(categories.map((category, i) => [category, results[i]!.ranked.map((r) => path.basename(r.file))]))
}

const KEYS = Object.keys(METRIC_NAMES) as (keyof Metrics)[]
const row = (label: string, m: Metrics) => `${label.padEnd(30)}${KEYS.map((k) => m[k].toFixed(3).padStart(9)).join('')}`
const header = `${''.padEnd(30)}${KEYS.map((k) => METRIC_NAMES[k].padStart(9)).join('')}`

async function main() {
  const sets = loadLabeledSets(root)
  if (!sets.length) throw new Error(`No labeled sets (folders with labels.json) under ${root}`)
  for (const set of sets) {
    const files = Object.keys(set.labels)
    const texts = new Map(files.map((file) => [file, fs.readFileSync(resumePath(set, file), 'utf8')]))
    const baselines = { bm25: bm25Baseline(texts), tfidf: tfidfBaseline(texts) }
    const product = await productRankings(set)
    const all = { product: [] as Metrics[], bm25: [] as Metrics[], tfidf: [] as Metrics[] }
    const lines: string[] = []
    for (const category of Object.keys(set.jobs).sort()) {
      const relevant = relevantFor(set, category)
      const query = fs.readFileSync(set.jobs[category]!, 'utf8')
      const m = {
        product: metricsOf(product.get(category)!, relevant),
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
    console.log(`\n# ${set.name}: ${files.length} resumes, ${Object.keys(set.jobs).length} categories\n${header}`)
    console.log(lines.join('\n'))
    console.log(
      `mean\n${row('  panelist screen', mean.product)}\n${row('  BM25', mean.bm25)}\n${row('  TF-IDF', mean.tfidf)}`,
    )
    console.log(
      `ratio product / BM25: ${KEYS.map((k) => `${METRIC_NAMES[k]} ${(mean.product[k] / mean.bm25[k]).toFixed(2)}`).join(', ')}; MAP above BM25 in ${wins} categories, below in ${losses}`,
    )
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
