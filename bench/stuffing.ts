/**
 * Keyword stuffing, the attack a text ranker invites: for every job of every labeled set, three
 * resumes of other categories are copied with the job's posting pasted under them (whole, once and
 * ten times, or only its bulleted lines), and ranked through the real command line beside the set's resumes. Prints, per attack,
 * how many stuffed copies reach the top 5 and the top 10, and how far they climb above the resume
 * they were made from. Figures only; no thresholds.
 * Run: npx tsx bench/stuffing.ts [sets folder]
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { loadLabeledSets, resumePath, type LabeledSet } from './ranking-eval'

const root = path.resolve(process.argv[2] ?? path.join(__dirname, '../tests/fixtures/ranking'))
const CLI = path.join(__dirname, '../electron/cli/cli.ts')
const ATTACKS: Record<string, (posting: string) => string> = {
  'posting pasted once': (posting) => posting,
  'posting pasted ten times': (posting) => Array(10).fill(posting).join('\n'),
  'its bulleted lines pasted': (posting) =>
    posting
      .split('\n')
      .filter((line) => /^\s*[-*•]\s/.test(line))
      .join('\n'),
}
const VICTIMS_PER_JOB = 3

/** Three resumes of other categories, spread over the set. */
function victims(set: LabeledSet, category: string): string[] {
  const others = Object.keys(set.labels)
    .sort()
    .filter((file) => set.labels[file] !== category)
  return Array.from({ length: VICTIMS_PER_JOB }, (_, i) => others[Math.floor((i * others.length) / VICTIMS_PER_JOB)]!)
}

// A copy must stay a person of its own: one email in two files is read as one person and folded.
const renamed = (text: string, tag: string) => text.replace(/([\w.+-]+)@/g, `$1.${tag}@`)

async function rank(folder: string, job: string): Promise<string[]> {
  const cli = ['--import', 'tsx', CLI, 'screen', '--json', '--top', '100000', '--job', job, folder]
  const { stdout } = await promisify(execFile)(process.execPath, cli, { maxBuffer: 512 * 1024 * 1024 })
  return (JSON.parse(stdout) as { ranked: { file: string }[] }).ranked.map((r) => path.basename(r.file))
}

async function attack(set: LabeledSet, category: string, paste: (posting: string) => string) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-stuffing-'))
  for (const file of Object.keys(set.labels)) fs.copyFileSync(resumePath(set, file), path.join(folder, file))
  const posting = fs.readFileSync(set.jobs[category]!, 'utf8')
  const stuffed = victims(set, category).map((file, i) => {
    const text = fs.readFileSync(resumePath(set, file), 'utf8')
    const name = `stuffed-${i}-${file}`
    fs.writeFileSync(path.join(folder, name), `${renamed(text, `s${i}`)}\n\n${paste(posting)}`)
    return { name, original: file }
  })
  const ranking = await rank(folder, set.jobs[category]!)
  fs.rmSync(folder, { recursive: true, force: true })
  return stuffed.map(({ name, original }) => ({
    rank: ranking.indexOf(name) + 1,
    climb: ranking.indexOf(original) - ranking.indexOf(name),
  }))
}

async function main() {
  for (const set of loadLabeledSets(root)) {
    for (const [label, paste] of Object.entries(ATTACKS)) {
      const results: { rank: number; climb: number }[] = []
      for (const category of Object.keys(set.jobs).sort()) results.push(...(await attack(set, category, paste)))
      const within = (k: number) => results.filter((r) => r.rank > 0 && r.rank <= k).length
      const climbs = results.map((r) => r.climb).sort((a, b) => a - b)
      console.log(
        `${set.name}, ${label}: ${results.length} stuffed copies; in the top 5: ${within(5)}, in the top 10: ${within(10)}; ` +
          `places climbed above their original: median ${climbs[Math.floor(climbs.length / 2)]}, most ${climbs.at(-1)}`,
      )
    }
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
