/**
 * Ranking quality on labeled sets: a set is a folder with resumes/ (files), jobs/<category>.md and
 * labels.json ({ file: category }); a job's relevant resumes are those labeled with its category.
 * Shared by bench/ranking.ts (prints the figures) and the ranking-quality test (holds the line).
 */
import fs from 'node:fs'
import path from 'node:path'
import bm25 from 'wink-bm25-text-search'

export interface LabeledSet {
  name: string
  dir: string
  /** Resume file name → category. */
  labels: Record<string, string>
  /** Category → the job file for it. */
  jobs: Record<string, string>
}

export interface Metrics {
  p5: number
  p10: number
  ap: number
  ndcg10: number
}

export const METRIC_NAMES: Record<keyof Metrics, string> = { p5: 'P@5', p10: 'P@10', ap: 'MAP', ndcg10: 'nDCG@10' }

/** The labeled sets under `root` that have a `jobsFolder` (`jobs`, or `jobs-casual` where a set has one). */
export function loadLabeledSets(root: string, jobsFolder = 'jobs'): LabeledSet[] {
  if (!fs.existsSync(root)) return []
  return fs
    .readdirSync(root)
    .filter((name) => fs.existsSync(path.join(root, name, 'labels.json')))
    .filter((name) => fs.existsSync(path.join(root, name, jobsFolder)))
    .sort()
    .map((name) => {
      const dir = path.join(root, name)
      const labels = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8')) as Record<string, string>
      const jobs = Object.fromEntries(
        fs
          .readdirSync(path.join(dir, jobsFolder))
          .filter((file) => file.endsWith('.md'))
          .map((file) => [file.slice(0, -3), path.join(dir, jobsFolder, file)]),
      )
      return { name, dir, labels, jobs }
    })
}

/** Categories that two sets' writers named differently: the first set's name → the name the rest use. */
const SAME_CATEGORY: Record<string, string> = {
  'database-administrator': 'database',
  'hadoop-big-data': 'hadoop',
  'arts-teacher': 'arts',
  'pmo-project-manager': 'pmo',
  'web-designer': 'web-designing',
  'health-fitness-trainer': 'health-and-fitness',
  'advocate-lawyer': 'advocate',
  'blockchain-developer': 'blockchain',
}
const sameCategory = (category: string) => SAME_CATEGORY[category] ?? category

/**
 * The resumes of every set in `pool` in one folder (copied into `folder`, each named after its set),
 * ranked for each of `sets`' postings in turn: a harder test than one set alone, as each job meets the
 * resumes of every writer, about 30 of them relevant among 800.
 */
export function pooledSets(sets: readonly LabeledSet[], pool: readonly LabeledSet[], folder: string): LabeledSet[] {
  const labels: Record<string, string> = {}
  fs.mkdirSync(path.join(folder, 'resumes'), { recursive: true })
  for (const set of pool) {
    for (const [file, category] of Object.entries(set.labels)) {
      const pooled = `${set.name}-${file}`
      fs.copyFileSync(resumePath(set, file), path.join(folder, 'resumes', pooled))
      labels[pooled] = sameCategory(category)
    }
  }
  return sets.map((set) => ({
    name: `all ${Object.keys(labels).length} resumes, ${set.name}'s postings`,
    dir: folder,
    labels,
    jobs: Object.fromEntries(Object.entries(set.jobs).map(([category, job]) => [sameCategory(category), job])),
  }))
}

export const resumePath = (set: LabeledSet, file: string) => path.join(set.dir, 'resumes', file)

/** P@5, P@10, average precision and binary nDCG@10 of one ranking (file names, best first). */
export function metricsOf(ranking: readonly string[], relevant: ReadonlySet<string>): Metrics {
  const hitsIn = (k: number) => ranking.slice(0, k).filter((file) => relevant.has(file)).length
  let found = 0
  let precisionSum = 0
  let dcg = 0
  ranking.forEach((file, i) => {
    if (!relevant.has(file)) return
    found++
    precisionSum += found / (i + 1)
    if (i < 10) dcg += 1 / Math.log2(i + 2)
  })
  let ideal = 0
  for (let i = 0; i < Math.min(10, relevant.size); i++) ideal += 1 / Math.log2(i + 2)
  return {
    p5: hitsIn(5) / 5,
    p10: hitsIn(10) / 10,
    ap: relevant.size ? precisionSum / relevant.size : 0,
    ndcg10: ideal ? dcg / ideal : 0,
  }
}

export function meanMetrics(all: readonly Metrics[]): Metrics {
  const mean = (key: keyof Metrics) => all.reduce((sum, m) => sum + m[key], 0) / (all.length || 1)
  return { p5: mean('p5'), p10: mean('p10'), ap: mean('ap'), ndcg10: mean('ndcg10') }
}

export const relevantFor = (set: LabeledSet, category: string) =>
  new Set(Object.keys(set.labels).filter((file) => set.labels[file] === category))

/** Plain words: lower case, letters and digits, nothing removed or stemmed. */
const plainWords = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? []

/** Orders every file: scored ones by score, then the rest by name, so each ranking is complete. */
function complete(scored: readonly [string, number][], files: readonly string[]): string[] {
  const order = [...scored].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([file]) => file)
  const seen = new Set(order)
  return [...order, ...[...files].sort().filter((file) => !seen.has(file))]
}

/**
 * The plain BM25 baseline: wink-bm25-text-search over each resume's text as it is, the job's whole
 * Markdown as the query, library defaults (k1 1.2, b 0.75).
 */
export function bm25Baseline(texts: ReadonlyMap<string, string>): (query: string) => string[] {
  const engine = bm25()
  engine.defineConfig({ fldWeights: { body: 1 } })
  engine.definePrepTasks([plainWords])
  for (const [file, text] of texts) engine.addDoc({ body: text }, file)
  engine.consolidate()
  const files = [...texts.keys()]
  return (query) => complete(engine.search(query, files.length), files)
}

/** The plain TF-IDF baseline: smoothed idf, l2-normalised vectors, cosine similarity. */
export function tfidfBaseline(texts: ReadonlyMap<string, string>): (query: string) => string[] {
  const counts = new Map([...texts].map(([file, text]) => [file, countWords(plainWords(text))]))
  const df = new Map<string, number>()
  for (const words of counts.values()) for (const word of words.keys()) df.set(word, (df.get(word) ?? 0) + 1)
  const idf = (word: string) => Math.log((1 + counts.size) / (1 + (df.get(word) ?? 0))) + 1
  const unit = (words: Map<string, number>) => {
    const weighted = new Map([...words].map(([word, n]) => [word, n * idf(word)]))
    const norm = Math.hypot(...weighted.values()) || 1
    return new Map([...weighted].map(([word, w]) => [word, w / norm]))
  }
  const vectors = new Map([...counts].map(([file, words]) => [file, unit(words)]))
  const files = [...texts.keys()]
  return (query) => {
    const q = unit(countWords(plainWords(query)))
    const scored = [...vectors].map(([file, v]): [string, number] => {
      let dot = 0
      for (const [word, w] of q) dot += w * (v.get(word) ?? 0)
      return [file, dot]
    })
    return complete(scored, files)
  }
}

function countWords(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1)
  return counts
}
