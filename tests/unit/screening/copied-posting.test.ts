import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { screenFilesForJobs } from '@core/screening/intake/screen-offline'
import { expandPaths } from '@core/screening/intake/sources'
import { parseJobMarkdown } from '@core/screening/jobs/job-markdown'
import { COPIED_POSTING_SHARE, copiedPostingShare } from '@core/screening/scoring/copied'
import { postingTriples } from '@core/screening/scoring/job-query'
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
    expect(SETS.length).toBeGreaterThanOrEqual(5)
    for (const set of SETS) {
      const postings = Object.values(set.jobs).map((file) => postingTriples(jobOf(file)))
      for (const file of Object.keys(set.labels)) {
        const terms = buildTermVector(tokenize(fs.readFileSync(resumePath(set, file), 'utf8')))
        for (const triples of postings) expect(copiedPostingShare(triples, terms), `${set.name}/${file}`).toBeNull()
      }
    }
  })

  it('is told when only the posting’s bulleted lines were pasted, for every job of our labeled sets', () => {
    let pastes = 0
    for (const set of SETS) {
      const files = Object.keys(set.labels).sort()
      for (const [category, jobFile] of Object.entries(set.jobs)) {
        const posting = fs.readFileSync(jobFile, 'utf8')
        const bullets = posting.split('\n').filter((line) => /^\s*[-*•]\s/.test(line))
        // Bullets that are a small part of a long posting (three short lines on a job board's whole page)
        // hold less of its wording than a copy is told by: no copy of the posting.
        const words = (text: string) => text.split(/\s+/).filter(Boolean).length
        if (words(bullets.join(' ')) < COPIED_POSTING_SHARE * words(posting)) continue
        const job = jobOf(jobFile)
        // Bullets that name none of the required skills (a list of benefits) would gain a copy nothing.
        const pasted = bullets.join('\n').toLowerCase()
        if (bullets.length < 3 || !job.requiredSkills.some((s) => pasted.includes(s.name.toLowerCase()))) continue
        const triples = postingTriples(job)
        // Three resumes of other trades, spread over the set, each with the bullets pasted under it.
        const others = files.filter((file) => set.labels[file] !== category)
        for (const victim of [0, 1, 2].map((i) => others[Math.floor((i * others.length) / 3)]!)) {
          const text = `${fs.readFileSync(resumePath(set, victim), 'utf8')}\n\n${bullets.join('\n')}`
          expect(copiedPostingShare(triples, buildTermVector(tokenize(text))), `${set.name}/${category}`).not.toBeNull()
          pastes++
        }
      }
    }
    expect(pastes).toBeGreaterThanOrEqual(150)
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

  it('is the share of the posting’s distinct word triples the resume holds, from 15% up', () => {
    const words = Array.from(
      { length: 62 },
      (_, i) => `zq${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    )
    const posting = { requirements: '', description: words.join(' ') }
    const holding = (count: number) =>
      buildTermVector(tokenize(`unrelated opening line ${words.slice(0, count + 2).join(' ')}`))
    const triples = postingTriples(posting)
    expect(triples).toHaveLength(60)
    expect(copiedPostingShare(triples, holding(60))).toBe(1)
    expect(copiedPostingShare(triples, holding(30))).toBeCloseTo(30 / 60, 10)
    expect(copiedPostingShare(triples, holding(9))).toBeCloseTo(9 / 60, 10)
    expect(copiedPostingShare(triples, holding(8))).toBeNull()
  })

  it('is worked out again when the posting’s words change, and kept while they do not', () => {
    const words = (from: number) =>
      Array.from({ length: 50 }, (_, i) => `zq${String.fromCharCode(97 + ((from + i) % 26))}${from + i}`).join(' ')
    const first = { requirements: '', description: words(0) }
    const second = { requirements: '', description: words(100) }
    const resume = buildTermVector(tokenize(`opening line ${first.description}`))
    expect(copiedPostingShare(postingTriples(first), resume)).toBe(1)
    expect(copiedPostingShare(postingTriples(second), resume)).toBeNull()
    // The same posting built again gives the same answer.
    expect(copiedPostingShare(postingTriples(first), resume)).toBe(1)
    // 48 of the longer posting's 98 triples: each half's 48 and the two that cross the join.
    expect(
      copiedPostingShare(postingTriples({ ...first, description: `${words(0)} ${words(100)}` }), resume),
    ).toBeCloseTo(48 / 98, 10)
  })

  it('is not looked for in a posting too short to tell a copy from a close match', () => {
    const short = { requirements: 'Java, Spring Boot, SQL and Git', description: 'Build lending APIs.' }
    const terms = buildTermVector(tokenize(`${short.requirements}\n${short.description}`))
    expect(copiedPostingShare(postingTriples(short), terms)).toBeNull()
  })
})
