import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { screenFilesForJobs } from '@core/screening/intake/screen-offline'
import { expandPaths } from '@core/screening/intake/sources'
import { parseJobMarkdown } from '@core/screening/jobs/job-markdown'
import { copiedPostingShare } from '@core/screening/scoring/copied'
import { postingPairs } from '@core/screening/scoring/job-query'
import { buildTermVector } from '@core/screening/scoring/term-vector'
import { tokenize } from '@core/screening/scoring/tokenize'
import { loadLabeledSets, resumePath } from '../../../bench/ranking-eval'
import { useScreeningParser } from '../../helpers/screening-parser'
import { tempDir } from '../../helpers/temp-studio'

const SETS = loadLabeledSets(path.resolve(__dirname, '../../fixtures/ranking'))
const COPIED = /job posting’s wording .* word for word/

const screening = useScreeningParser()

const jobOf = (file: string) => parseJobMarkdown(fs.readFileSync(file, 'utf8'), screening.taxonomy)

describe('a resume that copied the job posting into itself', () => {
  it('is never what an honest resume of our labeled sets is taken for, for any of their jobs', () => {
    for (const set of SETS) {
      const postings = Object.values(set.jobs).map((file) => postingPairs(jobOf(file)))
      for (const file of Object.keys(set.labels)) {
        const terms = buildTermVector(tokenize(fs.readFileSync(resumePath(set, file), 'utf8')))
        for (const pairs of postings) expect(copiedPostingShare(pairs, terms), `${set.name}/${file}`).toBeNull()
      }
    }
  })

  it('is not given a match for the words and skills it copied, and says why', async () => {
    const set = SETS.find((s) => s.name === 'set-d')!
    const category = 'java-developer'
    const posting = fs.readFileSync(set.jobs[category]!, 'utf8')
    const folder = tempDir('panelist-copied-')
    for (const file of Object.keys(set.labels)) fs.copyFileSync(resumePath(set, file), path.join(folder, file))
    // A civil engineer's resume (one with dated jobs) with the Java posting pasted under it, as visible text.
    const victim = Object.keys(set.labels)
      .sort()
      .find(
        (file) =>
          set.labels[file] === 'civil-engineer' &&
          /\b20\d\d\s*[-–]\s*(20\d\d|present)/i.test(fs.readFileSync(resumePath(set, file), 'utf8')),
      )!
    const text = fs.readFileSync(resumePath(set, victim), 'utf8').replace(/@/g, '.copy@')
    fs.writeFileSync(path.join(folder, 'pasted.txt'), `${text}\n\n${posting}`)

    const report = await screenFilesForJobs(await expandPaths([folder]), [jobOf(set.jobs[category]!)], screening.parser)
    const ranked = report.rankings[0]!.ranked
    expect(report.refused).toEqual([])
    const pasted = ranked.find((r) => path.basename(r.file) === 'pasted.txt')!
    expect(pasted.explanation).toMatch(COPIED)
    expect([pasted.parts.text, pasted.parts.requiredSkills, pasted.parts.preferredSkills]).toEqual([0, 0, 0])
    expect(ranked.indexOf(pasted)).toBeGreaterThanOrEqual(10)
    // Nobody else is taken for a copy, and the copy does not set the scale of anyone's text match.
    expect(ranked.filter((r) => COPIED.test(r.explanation))).toEqual([pasted])
    fs.rmSync(path.join(folder, 'pasted.txt'))
    const honest = await screenFilesForJobs(await expandPaths([folder]), [jobOf(set.jobs[category]!)], screening.parser)
    const textOf = (list: typeof ranked) => new Map(list.map((r) => [path.basename(r.file), r.parts.text]))
    const withCopy = textOf(ranked)
    withCopy.delete('pasted.txt')
    expect(withCopy).toEqual(textOf(honest.rankings[0]!.ranked))
    expect(set.labels[path.basename(ranked[0]!.file)]).toBe(category)
  })

  it('is the share of the posting’s distinct word pairs the resume holds, from 40% up', () => {
    const words = Array.from(
      { length: 60 },
      (_, i) => `zq${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    )
    const posting = { requirements: '', description: words.join(' ') }
    const holding = (count: number) =>
      buildTermVector(tokenize(`unrelated opening line ${words.slice(0, count + 1).join(' ')}`))
    expect(postingPairs(posting)).toHaveLength(59)
    expect(copiedPostingShare(postingPairs(posting), holding(36))).toBeCloseTo(36 / 59, 10)
    expect(copiedPostingShare(postingPairs(posting), holding(24))).toBeCloseTo(24 / 59, 10)
    expect(copiedPostingShare(postingPairs(posting), holding(23))).toBeNull()
  })

  it('is not looked for in a posting too short to tell a copy from a close match', () => {
    const short = { requirements: 'Java, Spring Boot, SQL and Git', description: 'Build lending APIs.' }
    const terms = buildTermVector(tokenize(`${short.requirements}\n${short.description}`))
    expect(copiedPostingShare(postingPairs(short), terms)).toBeNull()
  })
})
