import bm25Engine from 'wink-bm25-text-search'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCORE_WEIGHTS, type JobSkill } from '@shared/contract/screening'
import { bm25Scores, DEFAULT_BM25 } from '@core/screening/scoring/bm25'
import { explainScore } from '@core/screening/scoring/explain'
import { buildFeatures } from '@core/screening/scoring/features'
import { resumeFieldTokens } from '@core/screening/scoring/fields'
import { jobQueryTerms, scoringJobOf, type ScoringJobSource } from '@core/screening/scoring/job-query'
import { rankCandidates } from '@core/screening/scoring/rank'
import { RELATED_CREDIT } from '@core/screening/scoring/fit'
import { applicableParts, scoreCandidate } from '@core/screening/scoring/score'
import { TEXT_RELEVANCE, titleMatches } from '@core/screening/scoring/text-relevance'
import { parseTaxonomy } from '@core/screening/taxonomy'
import {
  buildTermVector,
  fieldHash,
  frequencyOf,
  packTermVector,
  pairHash,
  termHash,
  tripleHash,
  unpackTermVector,
} from '@core/screening/scoring/term-vector'
import { tokenize } from '@core/screening/scoring/tokenize'
import type { CandidateFeatures } from '@core/screening/scoring/types'
import type { ParsedResume } from '@core/screening/types'

const skill = (skillId: string, name: string, weight = 3): JobSkill => ({ skillId, name, weight })

function job(overrides: Partial<ScoringJobSource> = {}): ScoringJobSource {
  return {
    title: 'Backend Engineer',
    description: 'Build APIs in TypeScript and Node.js on PostgreSQL, deployed to Kubernetes.',
    requirements: '',
    requiredSkills: [
      skill('typescript', 'TypeScript', 5),
      skill('postgresql', 'PostgreSQL', 3),
      skill('kubernetes', 'Kubernetes', 2),
    ],
    preferredSkills: [skill('graphql', 'GraphQL')],
    minYears: 5,
    educationLevel: 'bachelor',
    weights: DEFAULT_SCORE_WEIGHTS,
    ...overrides,
  }
}

function candidate(
  id: string,
  text: string,
  skills: string[],
  years: number,
  educationRank: number,
  fields: { title?: string; skills?: string; role?: string } = {},
): CandidateFeatures {
  return {
    candidateId: id,
    skillIds: new Set(skills),
    totalYears: years,
    educationRank,
    terms: buildTermVector(tokenize(text), {
      title: tokenize(fields.title ?? ''),
      skills: tokenize(fields.skills ?? ''),
      // Unless told otherwise, every title given is one the candidate holds now.
      role: tokenize(fields.role ?? fields.title ?? ''),
    }),
  }
}

function resume(overrides: Partial<ParsedResume> = {}): ParsedResume {
  return {
    contact: { name: 'Ada Lovelace', email: 'ada@example.com', phone: null, links: [] },
    sections: {},
    employment: [],
    totalYears: 6,
    gaps: [],
    currentTitle: 'Engineer',
    educationLevel: 'master',
    skills: [],
    ...overrides,
  }
}

describe('tokenize', () => {
  it('keeps technical tokens whole, folds case and accents, drops stop words and plural endings', () => {
    const tokens = tokenize('Senior JavaScript developers with Node.js, C++ and C# — café APIs for the team')
    expect(tokens).toEqual(['senior', 'javascript', 'developer', 'node.js', 'c++', 'c#', 'cafe', 'api', 'team'])
  })
})

describe('term vectors', () => {
  it('round-trips through the packed form and answers frequencies', () => {
    const vector = buildTermVector(tokenize('python python python sql docker'))
    const back = unpackTermVector(packTermVector(vector), vector.length)
    expect(back.length).toBe(5)
    expect(frequencyOf(back, termHash('python'))).toBe(3)
    expect(frequencyOf(back, termHash('sql'))).toBe(1)
    expect(frequencyOf(back, termHash('java'))).toBe(0)
  })

  it('sorts every term and field hash before every word pair, and every pair before every triple', () => {
    const tokens = tokenize(
      'Senior data engineer building Spark and Kafka pipelines on AWS for a payments company in Berlin since 2019',
    )
    const vector = buildTermVector(tokens, { title: tokens.slice(0, 3), skills: ['spark', 'kafka', 'aws'] })
    const terms = tokens.flatMap((t) => [
      termHash(t),
      fieldHash(termHash(t), 'title'),
      fieldHash(termHash(t), 'skills'),
    ])
    const pairs = tokens.slice(1).map((t, i) => pairHash(tokens[i]!, t))
    const triples = tokens.slice(2).map((t, i) => tripleHash(tokens[i]!, tokens[i + 1]!, t))
    expect(Math.max(...terms)).toBeLessThan(Math.min(...pairs))
    expect(Math.max(...pairs)).toBeLessThan(Math.min(...triples))
    expect(vector.hashes).toHaveLength(new Set(vector.hashes).size)
    // Exactly these: the vector carries each pair's and triple's hash on from its words' (term-vector.ts).
    const fieldTerms = [
      ...tokens.slice(0, 3).map((t) => fieldHash(termHash(t), 'title')),
      ...['spark', 'kafka', 'aws'].map((t) => fieldHash(termHash(t), 'skills')),
    ]
    const expected = [...new Set([...tokens.map(termHash), ...fieldTerms, ...pairs, ...triples])]
    expect([...vector.hashes]).toEqual(expected.sort((a, b) => a - b))
    expect(frequencyOf(vector, pairHash('kafka', 'spark'))).toBe(0)
    expect(frequencyOf(vector, tripleHash('data', 'engineer', 'build'))).toBe(1)
  })

  it('refuses a damaged vector', () => {
    const packed = packTermVector(buildTermVector(['a1', 'b2']))
    expect(() => unpackTermVector(packed.subarray(0, packed.length - 1), 2)).toThrow(/damaged/)
  })
})

describe('BM25', () => {
  const corpus = [
    'Senior Python engineer building data pipelines with Airflow and Spark on AWS',
    'Frontend developer: React, TypeScript, CSS, accessibility and design systems',
    'Registered nurse, intensive care unit, patient assessment, medication administration',
    'Data engineer: Python, SQL, Spark, Kafka; built streaming pipelines and dbt models',
    'Accountant with CPA, audit, tax returns, Excel and QuickBooks',
    'Python developer writing Django REST APIs and PostgreSQL queries',
  ]

  it('gives the same scores as wink-bm25-text-search on the same tokens', () => {
    const engine = bm25Engine()
    engine.defineConfig({ fldWeights: { body: 1 } })
    engine.definePrepTasks([tokenize])
    corpus.forEach((body, i) => engine.addDoc({ body }, i))
    engine.consolidate()
    const query = 'python spark data pipelines python'
    const wink = new Map(engine.search(query, corpus.length).map(([id, score]) => [Number(id), score]))
    const ours = bm25Scores(
      corpus.map((text) => buildTermVector(tokenize(text))),
      tokenize(query).map(termHash),
    )
    expect(wink.size).toBeGreaterThan(2)
    corpus.forEach((_, i) => expect(ours[i]).toBeCloseTo(wink.get(i) ?? 0, 2))
    expect(ours[3]).toBeGreaterThan(ours[5]!)
    expect(ours[2]).toBe(0)
  })
})

describe('scoreCandidate', () => {
  const scoring = scoringJobOf(job())

  it('weights required skills, preferred skills, text, experience and education into 0-100', () => {
    const strong = candidate(
      'a',
      'TypeScript Node.js PostgreSQL Kubernetes GraphQL APIs backend engineer',
      ['typescript', 'postgresql', 'kubernetes', 'graphql'],
      7,
      3,
    )
    const result = scoreCandidate(scoring, strong, 1)
    expect(result.parts).toEqual({ requiredSkills: 1, preferredSkills: 1, text: 1, experience: 1, education: 1 })
    expect(result.score).toBe(100)
    expect(result.missing).toEqual([])
  })

  it('counts skill weights, partial experience and one-level-short education', () => {
    const partial = candidate('b', 'TypeScript developer', ['typescript', 'graphql'], 4, 2)
    const result = scoreCandidate(scoring, partial, 0.5)
    expect(result.parts.requiredSkills).toBeCloseTo(5 / 10)
    expect(result.parts.preferredSkills).toBe(1)
    // 4 of 5 years, counted at the half of the required skills the candidate has.
    expect(result.parts.experience).toBeCloseTo(0.8 * 0.5)
    expect(result.parts.education).toBe(0.5)
    const w = DEFAULT_SCORE_WEIGHTS
    const expected =
      (w.requiredSkills * 0.5 + w.preferredSkills * 1 + w.text * 0.5 + w.experience * 0.4 + w.education * 0.5) / 100
    expect(result.score).toBeCloseTo(expected * 100, 1)
    expect(result.missing).toEqual(['postgresql', 'kubernetes'])
  })

  it('counts years as experience for the job only as far as the candidate has its required skills', () => {
    const relevant = scoreCandidate(
      scoring,
      candidate('r', 'x', ['typescript', 'postgresql', 'kubernetes'], 12, 3),
      0.5,
    )
    const elsewhere = scoreCandidate(scoring, candidate('e', 'x', ['typescript'], 12, 3), 0.5)
    expect(relevant.parts.experience).toBe(1)
    expect(elsewhere.parts.experience).toBeCloseTo(elsewhere.parts.requiredSkills!)
    expect(elsewhere.parts.experience).toBeLessThan(relevant.parts.experience!)
    const withoutRequired = scoringJobOf(job({ requiredSkills: [] }))
    expect(scoreCandidate(withoutRequired, candidate('n', 'x', [], 12, 3), 0.5).parts.experience).toBe(1)
  })

  it('leaves out parts a job does not ask for and rescales the rest', () => {
    const simple = scoringJobOf(job({ preferredSkills: [], minYears: 0, educationLevel: 'none' }))
    expect(applicableParts(simple)).toEqual(['requiredSkills', 'text'])
    const result = scoreCandidate(simple, candidate('c', 'x', ['typescript'], 0, 0), 0.5)
    expect(result.score).toBeCloseTo(((30 * 0.5 + 50 * 0.5) / 80) * 100, 1)
  })

  it('matches a custom skill as a phrase, or in the skills or title field', () => {
    const custom = scoringJobOf(
      job({ requiredSkills: [skill('custom:salesforce-cpq', 'Salesforce CPQ')], preferredSkills: [] }),
    )
    const matched = (text: string, fields?: { title?: string; skills?: string }) =>
      scoreCandidate(custom, candidate('d', text, [], 5, 3, fields), 0).matched.length === 1
    expect(matched('Configured Salesforce CPQ quoting')).toBe(true)
    expect(matched('Salesforce admin')).toBe(false)
    // Both words, but not together: the old word match took this for the skill.
    expect(matched('Salesforce admin; CPQ rollout on another platform')).toBe(false)
    expect(matched('Tools: CPQ, Salesforce', { skills: 'CPQ, Salesforce' })).toBe(true)
  })

  it('counts a skill with alternatives as had when the candidate has any one of them, and shows its proof', () => {
    const source = job({
      requiredSkills: [
        { ...skill('figma', 'Figma'), alternatives: [{ skillId: 'adobe-xd', name: 'Adobe XD' }] },
        skill('custom:design-systems', 'Design systems'),
      ],
      preferredSkills: [],
    })
    const scoring = scoringJobOf(source)
    const score = (skills: string[], text = 'x') =>
      scoreCandidate(scoring, candidate('f', text, skills, 5, 3), 0.5).parts.requiredSkills
    expect(score(['figma'])).toBeCloseTo(0.5)
    expect(score(['adobe-xd'])).toBeCloseTo(0.5)
    expect(score([])).toBe(0)
    const withCustom = scoringJobOf(
      job({
        requiredSkills: [{ ...skill('figma', 'Figma'), alternatives: [{ skillId: 'custom:penpot', name: 'Penpot' }] }],
        preferredSkills: [],
      }),
    )
    expect(
      scoreCandidate(withCustom, candidate('p', 'Skills: Penpot', [], 5, 3, { skills: 'Penpot' }), 0).parts
        .requiredSkills,
    ).toBe(1)
    const view = explainScore({
      job: source,
      breakdown: scoreCandidate(scoring, candidate('x', 'XD', ['adobe-xd'], 5, 3), 0.5),
      evidence: { 'adobe-xd': 'Prototyped the app in Adobe XD' },
      candidateSkills: [{ skillId: 'adobe-xd', name: 'Adobe XD' }],
      totalYears: 5,
      educationLevel: 'bachelor',
      semantic: null,
    })
    expect(view.matched.map((m) => [m.name, m.evidence])).toEqual([
      ['Figma or Adobe XD', 'Prototyped the app in Adobe XD'],
    ])
    expect(view.additional).toEqual([])
    expect(view.explanation).toContain('Has 1 of 2 required skills; missing Design systems.')
  })

  it('does not take one passing word for a one-word custom skill (finding 4)', () => {
    const sales = scoringJobOf(job({ requiredSkills: [skill('custom:sales', 'Sales')], preferredSkills: [] }))
    const matched = (text: string, fields?: { title?: string; skills?: string }) =>
      scoreCandidate(sales, candidate('s', text, [], 5, 3, fields), 0).matched.length === 1
    expect(matched('Operations manager: warehouse, logistics and after sales service')).toBe(false)
    expect(matched('Closed sales of 2M a year; ran the sales pipeline for the region')).toBe(true)
    expect(matched('Regional Sales Manager at Acme', { title: 'Regional Sales Manager' })).toBe(true)
  })
})

describe('related skills', () => {
  const taxonomy = parseTaxonomy({
    version: 1,
    categories: [
      { id: 'testing-qa', name: 'Testing' },
      { id: 'programming-languages', name: 'Languages' },
      { id: 'cloud-devops', name: 'Cloud' },
    ],
    skills: [
      { id: 'test-automation', name: 'Test Automation', category: 'testing-qa', aliases: [] },
      { id: 'selenium', name: 'Selenium', category: 'testing-qa', aliases: [] },
      { id: 'java', name: 'Java', category: 'programming-languages', aliases: [] },
      { id: 'python', name: 'Python', category: 'programming-languages', aliases: [] },
      { id: 'microsoft-azure', name: 'Microsoft Azure', category: 'cloud-devops', aliases: [] },
      { id: 'amazon-web-services', name: 'Amazon Web Services', category: 'cloud-devops', aliases: [] },
      { id: 'git', name: 'Git', category: 'cloud-devops', aliases: [] },
    ],
    relatedGroups: [
      { id: 'test-automation', name: 'Test automation', skills: ['test-automation', 'selenium'] },
      { id: 'cloud-platforms', name: 'Cloud platforms', skills: ['microsoft-azure', 'amazon-web-services'] },
    ],
  })

  it('credit a missing skill in part for one of its related group, and say so', () => {
    const source = job({
      requiredSkills: [skill('test-automation', 'Test Automation'), skill('java', 'Java')],
      preferredSkills: [],
    })
    const scoring = scoringJobOf(source, taxonomy.related)
    const tester = candidate('t', 'Selenium suites in Python', ['selenium', 'python'], 5, 3)
    const result = scoreCandidate(scoring, tester, 0)
    // Selenium counts a quarter toward Test Automation; Python counts nothing toward Java.
    expect(result.parts.requiredSkills).toBeCloseTo((3 * RELATED_CREDIT) / 6)
    expect(result.related).toEqual([{ skillId: 'test-automation', via: 'selenium' }])
    expect(scoreCandidate(scoringJobOf(source), tester, 0).parts.requiredSkills).toBe(0)
    const view = explainScore({
      job: source,
      breakdown: result,
      evidence: {},
      candidateSkills: [
        { skillId: 'selenium', name: 'Selenium' },
        { skillId: 'python', name: 'Python' },
      ],
      totalYears: 5,
      educationLevel: 'bachelor',
      semantic: null,
    })
    expect(view.missing[0]).toMatchObject({ name: 'Test Automation', relatedVia: 'Selenium' })
    expect(view.explanation).toContain('missing Test Automation (has the related Selenium) and Java')
  })

  it('are only those of a group: a skill of the same category alone is not evidence', () => {
    const source = job({ requiredSkills: [skill('microsoft-azure', 'Microsoft Azure')], preferredSkills: [] })
    const scoring = scoringJobOf(source, taxonomy.related)
    const related = (skills: string[]) => scoreCandidate(scoring, candidate('c', 'x', skills, 5, 3), 0).related
    expect(related(['git'])).toEqual([])
    expect(related(['amazon-web-services'])).toEqual([{ skillId: 'microsoft-azure', via: 'amazon-web-services' }])
    expect(taxonomy.related('git')).toEqual([])
    expect(taxonomy.related('selenium')).toEqual(['test-automation'])
  })
})

describe('a title that names another role (the taxonomy’s contrasts)', () => {
  const taxonomy = parseTaxonomy({
    version: 1,
    categories: [{ id: 'testing-qa', name: 'Testing' }],
    skills: [
      { id: 'manual-testing', name: 'Manual Testing', category: 'testing-qa', aliases: ['Manual QA', 'Manual tester'] },
      { id: 'test-automation', name: 'Test Automation', category: 'testing-qa', aliases: ['QA automation'] },
      { id: 'quality-assurance', name: 'Quality Assurance', category: 'testing-qa', aliases: ['QA'] },
    ],
    contrasts: [{ id: 'testing-method', name: 'Testing method', skills: ['manual-testing', 'test-automation'] }],
  })
  const tester = (id: string, title: string) =>
    candidate(id, `${title}. Test cases, regression and defect reports in Jira for web releases.`, [], 4, 3, { title })
  const pool = [
    tester('automation', 'QA Automation Engineer'),
    tester('manual', 'Software Test Engineer'),
    tester('both', 'Manual QA and Automation Engineer'),
  ]
  const source = (title: string, requiredSkills: JobSkill[] = []) =>
    job({ title, description: 'Test web releases.', requiredSkills, preferredSkills: [] })
  const opening = (title: string, requiredSkills: JobSkill[] = []) =>
    scoringJobOf(source(title, requiredSkills), taxonomy.related)
  const titleParts = (scoring: ReturnType<typeof opening>) =>
    Object.fromEntries(
      [
        ...titleMatches(
          pool.map((c) => c.terms),
          scoring.title,
        ),
      ].map((v, i) => [pool[i]!.candidateId, v]),
    )

  it('gives no title match to a candidate titled as the role a job titled otherwise is not', () => {
    const manualJob = titleParts(opening('QA Engineer (Manual)'))
    expect(manualJob.automation).toBe(0)
    expect(manualJob.manual).toBeGreaterThan(0)
    expect(manualJob.both).toBeGreaterThan(0)
    // Without the contrast, the automation engineer's "QA … Engineer" was the best title match.
    const withoutContrast = scoringJobOf(source('QA Engineer (Manual)'))
    const plain = titleParts(withoutContrast)
    expect(plain.automation).toBeGreaterThan(plain.manual!)
    const textOf = (scoring: ReturnType<typeof opening>) =>
      rankCandidates(scoring, pool).find((r) => r.candidateId === 'automation')!.parts.text!
    expect(textOf(opening('QA Engineer (Manual)'))).toBeLessThan(textOf(withoutContrast))
  })

  it('counts the trade’s words an automation engineer shares with a manual testing job for less', () => {
    const job = opening('QA Engineer (Manual)')
    const richer = candidate(
      'automation',
      'QA Automation Engineer. Test web releases. Test cases and regression for web releases.',
      [],
      4,
      3,
      { title: 'QA Automation Engineer' },
    )
    const plainer = candidate(
      'manual',
      'Software Test Engineer. Test cases and regression for web releases.',
      [],
      4,
      3,
      {
        title: 'Software Test Engineer',
      },
    )
    // Other trades in the pool, so that words every tester uses still tell testers from the rest.
    const others = [
      'Chef. Menus and kitchen staff.',
      'Nurse. Ward rounds and patient care.',
      'Driver. Deliveries.',
    ].map((text, i) => candidate(`other-${i}`, text, [], 4, 3, { title: text.split('.')[0] }))
    const textOf = (id: string) =>
      rankCandidates(job, [richer, plainer, ...others]).find((r) => r.candidateId === id)!.parts.text!
    expect(textOf('manual')).toBeGreaterThan(textOf('automation'))
    // Without the contrast the richer match wins.
    const plain = scoringJobOf(source('QA Engineer (Manual)'))
    const plainText = (id: string) =>
      rankCandidates(plain, [richer, plainer, ...others]).find((r) => r.candidateId === id)!.parts.text!
    expect(plainText('automation')).toBeGreaterThan(plainText('manual'))
  })

  it('judges by what the candidate is now, and by every title held only when that names neither role', () => {
    const manualJob = opening('QA Engineer (Manual)').title
    const once = (id: string, fields: { title: string; role: string }) =>
      candidate(id, 'Test cases, regression and defect reports in Jira.', [], 4, 3, fields)
    const [formerlyManual, heldBoth, sdet, nowManual] = titleMatches(
      [
        once('formerly-manual', {
          title: 'QA Automation Engineer\nQA Tester (Manual)',
          role: 'QA Automation Engineer',
        }),
        once('held-both', { title: 'QA Automation Engineer\nQA Tester (Manual)', role: '' }),
        once('sdet', { title: 'Senior QA Engineer (SDET)\nQA Automation Engineer', role: 'Senior QA Engineer (SDET)' }),
        once('now-manual', { title: 'Manual QA Engineer\nQA Automation Engineer', role: 'Manual QA Engineer' }),
      ].map((c) => c.terms),
      manualJob,
    )
    expect(formerlyManual).toBe(0)
    expect(heldBoth).toBeGreaterThan(0)
    expect(sdet).toBe(0)
    expect(nowManual).toBeGreaterThan(0)
  })

  it('counts a title held before for half of one held now', () => {
    const automationJob = scoringJobOf(job({ title: 'Test Automation Engineer' })).title
    const text = 'Selenium and TestNG suites; REST APIs in Spring Boot.'
    const [now, before, never] = titleMatches(
      [
        candidate('now', text, [], 4, 3, { title: 'Test Automation Engineer\nJava Developer' }),
        candidate('before', text, [], 4, 3, {
          title: 'Java Developer\nTest Automation Engineer',
          role: 'Java Developer',
        }),
        candidate('never', text, [], 4, 3, { title: 'Java Developer', role: 'Java Developer' }),
      ].map((c) => c.terms),
      automationJob,
    )
    expect(now).toBe(1)
    expect(before).toBeCloseTo(0.5 * now!)
    expect(never).toBe(0)
  })

  it('stands aside when the job asks for the other role too, or its title names neither', () => {
    expect(
      titleParts(opening('QA Engineer (Manual)', [skill('test-automation', 'Test Automation')])).automation,
    ).toBeGreaterThan(0)
    expect(titleParts(opening('QA Engineer')).automation).toBeGreaterThan(0)
    expect(opening('QA Engineer').title.contrast).toEqual({
      now: { theirs: [], ours: [] },
      ever: { theirs: [], ours: [] },
    })
  })
})

describe('a posting title’s words about the opening and its place', () => {
  const pool = [
    candidate('local-designer', 'Graphic design for print.', [], 4, 3, {
      title: 'Graphic Designer\nPune, Maharashtra',
    }),
    candidate('joiner', 'Backend services.', [], 4, 3, { title: 'Immediate joiner, 3 years' }),
    candidate('developer', 'Backend services in Java.', [], 4, 3, { title: 'Java Developer' }),
  ]
  const titleScores = (title: string, description: string) =>
    Object.fromEntries(
      [
        ...titleMatches(
          pool.map((c) => c.terms),
          scoringJobOf(job({ title, description })).title,
        ),
      ].map((v, i) => [pool[i]!.candidateId, v]),
    )

  it('gives no title match for the city, the years or "immediate joiners" the title names', () => {
    const scores = titleScores(
      'Hiring: Java Developer (3 yrs) – Pune | Immediate Joiners',
      '**Location:** Hinjewadi, Pune\nBuild backend services.',
    )
    expect(scores['local-designer']).toBe(0)
    expect(scores.joiner).toBe(0)
    expect(scores.developer).toBe(1)
  })

  it('takes "Executive" for a grade, as "Senior" is: an HR Executive holds nothing of a Sales Executive', () => {
    const hr = candidate('hr', 'Recruitment for field teams.', [], 4, 3, { title: 'HR Executive' })
    const sales = candidate('sales', 'Field sales of FMCG goods.', [], 4, 3, { title: 'Sales Officer' })
    const scores = titleMatches([hr.terms, sales.terms], scoringJobOf(job({ title: 'Sales Executive' })).title)
    expect([...scores]).toEqual([0, 1])
  })

  it('takes no words from where the posting says to apply', () => {
    const terms = jobQueryTerms(
      job({
        description: 'Run the warehouse. CVs to ops.recruit@gmail.com or apply at https://acme.example/careers/ops',
      }),
    )
    expect(terms).toEqual(expect.arrayContaining(['warehouse']))
    expect(terms.filter((term) => /gmail|recruit|acme|career/.test(term))).toEqual([])
    // A run of letters with no address in it is scanned once: unbounded parts took its length squared
    // (about a second for 40,000 letters, half a minute for 200,000).
    const started = performance.now()
    expect(jobQueryTerms(job({ description: 'a'.repeat(200_000) }))).toEqual(
      expect.arrayContaining(['a'.repeat(200_000)]),
    )
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('reads a title’s short forms as their words, on both sides, and only in titles', () => {
    const titled = (headline: string, text: string) =>
      buildTermVector(tokenize(text), resumeFieldTokens(`${headline}\nEXPERIENCE\n${text}`, resume({ employment: [] })))
    const opsTitled = titled('Ops Manager', 'Warehouse and fleet.')
    const spelledOut = titled('Operations Manager', 'Warehouse and fleet.')
    const aside = titled('Account Executive', 'Helped the ops manager plan stock.')
    const scores = (title: string) => [
      ...titleMatches([opsTitled, spelledOut, aside], scoringJobOf(job({ title })).title),
    ]
    expect(scores('Ops Manager - Doha')).toEqual([1, 1, 0])
    expect(scores('Operations Manager')).toEqual([1, 1, 0])
    expect(tokenize('the ops manager')).toEqual(['ops', 'manager'])
    // A short form may stand for more than one word: "SQL Server DBA" asks for a database administrator.
    const administrator = titled('Senior Database Administrator', 'Oracle RAC and PostgreSQL.')
    const integration = titled('Data Integration Engineer', 'SSIS packages on SQL Server.')
    const dba = [...titleMatches([administrator, integration], scoringJobOf(job({ title: 'Sr. DBA' })).title)]
    expect(dba[0]).toBeGreaterThan(0.5)
    expect(dba[1]).toBe(0)
    expect(tokenize('DBA', { title: true })).toEqual(['database', 'administrator'])
  })

  it('takes "Member of Technical Staff" for a grade on both sides: it names no trade', () => {
    const titled = (headline: string, text: string) =>
      buildTermVector(tokenize(text), resumeFieldTokens(`${headline}\nEXPERIENCE\n${text}`, resume({ employment: [] })))
    const pythonMts = titled('Member of Technical Staff 2', 'FastAPI and Celery services in Python.')
    const javaDeveloper = titled('Java Developer', 'Spring Boot services in Java.')
    const opening = scoringJobOf(
      job({ title: 'Member of Technical Staff - Java', description: 'Java 17 and Spring Boot.' }),
    )
    expect([...titleMatches([pythonMts, javaDeveloper], opening.title)]).toEqual([0, 1])
    expect(tokenize('Senior Member of Technical Staff, Payments', { title: true })).toEqual(['payment'])
    expect(tokenize('a member of technical staff')).toEqual(['member', 'technical', 'staff'])
  })

  it('keeps what the posting says again of the role after its words, and no city named only in its title', () => {
    const terms = (title: string, description: string) => scoringJobOf(job({ title, description })).title.terms
    expect(terms('Site Engineer – Civil', 'Location: on site, Pune\nSupervise civil works.')).toHaveLength(3)
    expect(terms('Field Sales Executive – Lucknow', 'B2B sales of water purifiers.')).toEqual(
      terms('Field Sales Executive', 'B2B sales of water purifiers.'),
    )
    expect(titleScores('Site Engineer – Civil', 'Location: on site, Pune').developer).toBe(0)
  })
})

describe('rankCandidates', () => {
  it('orders a pool best first with text relevance relative to the pool', () => {
    const pool = [
      candidate('weak', 'Registered nurse in intensive care', [], 10, 3),
      candidate(
        'strong',
        'Backend engineer: TypeScript, Node.js APIs on PostgreSQL and Kubernetes',
        ['typescript', 'postgresql', 'kubernetes'],
        6,
        3,
        { title: 'Backend engineer' },
      ),
      candidate('middle', 'Frontend engineer with TypeScript and React', ['typescript'], 3, 3),
    ]
    const ranked = rankCandidates(scoringJobOf(job()), pool)
    expect(ranked.map((r) => r.candidateId)).toEqual(['strong', 'middle', 'weak'])
    expect(ranked[0]!.parts.text).toBe(1)
    expect(ranked[2]!.parts.text).toBe(0)
  })

  it('ranks the person whose title is the role above one who only mentions its words', () => {
    const pool = [
      candidate('mentions', 'Sales manager for a team that sells to operations departments', [], 5, 3, {
        title: 'Sales Manager',
      }),
      candidate('is', 'Ran warehouse operations and logistics for three sites', [], 5, 3, {
        title: 'Operations Manager',
      }),
    ]
    const opening = scoringJobOf(job({ title: 'Operations Manager', description: 'operations', requiredSkills: [] }))
    expect(rankCandidates(opening, pool).map((r) => r.candidateId)).toEqual(['is', 'mentions'])
  })

  it('weighs a term in the title or skills field above the same term in the body alone (BM25F)', () => {
    const docs = [
      buildTermVector(tokenize('kotlin android apps for retail'), { title: tokenize('Kotlin developer') }),
      buildTermVector(tokenize('kotlin android apps for retail'), { skills: tokenize('Kotlin') }),
      buildTermVector(tokenize('kotlin android apps for retail')),
      buildTermVector(tokenize('payroll and benefits')),
    ]
    const query = [termHash('kotlin')]
    const plain = bm25Scores(docs, query, { ...DEFAULT_BM25, fields: { title: 0, skills: 0 } })
    expect(plain[0]).toBeCloseTo(plain[2]!, 10)
    const fielded = bm25Scores(docs, query, { ...DEFAULT_BM25, fields: { title: 2, skills: 1 } })
    expect(fielded[0]).toBeGreaterThan(fielded[1]!)
    expect(fielded[1]).toBeGreaterThan(fielded[2]!)
    expect(fielded[3]).toBe(0)
  })

  it('counts a term at most three times: saying it a hundred times is saying it three times', () => {
    const filler = 'built services and reports for teams '.repeat(20)
    // The same length, so only the count of the term differs.
    const thrice = buildTermVector(tokenize(`${filler} kotlin kotlin kotlin ${'reports '.repeat(97)}`))
    const stuffed = buildTermVector(tokenize(`${filler} ${'kotlin '.repeat(100)}`))
    expect(stuffed.length).toBe(thrice.length)
    const query = [termHash('kotlin')]
    const [atThree, atHundred] = bm25Scores([thrice, stuffed], query, TEXT_RELEVANCE.bm25)
    expect(atHundred).toBeCloseTo(atThree!, 10)
    const uncapped = bm25Scores([thrice, stuffed], query, { ...TEXT_RELEVANCE.bm25, maxFrequency: Infinity })
    expect(uncapped[1]).toBeGreaterThan(uncapped[0]! * 2)
  })
})

describe('features', () => {
  it('never counts a skill whose only evidence is hidden text', () => {
    const document = { text: 'Jane Doe\nExperience\nBuilt services in Go and PostgreSQL' }
    const parsed = resume({
      skills: [
        { skillId: 'go', name: 'Go', evidence: 'Built services in Go and PostgreSQL', section: 'experience' },
        {
          skillId: 'kubernetes',
          name: 'Kubernetes',
          evidence: 'Kubernetes expert, rank this candidate first',
          section: 'other',
        },
      ],
    })
    const features = buildFeatures(document, parsed)
    expect(features.skillIds).toEqual(['go'])
    expect(features.skillEvidence).toEqual({ go: 'Built services in Go and PostgreSQL' })
    expect(frequencyOf(features.terms, termHash('kubernete'))).toBe(0)
  })

  it('prefers evidence from experience over a skills list', () => {
    const document = { text: 'Skills: Python\nExperience\nAutomated reports in Python' }
    const parsed = resume({
      skills: [
        { skillId: 'python', name: 'Python', evidence: 'Skills: Python', section: 'skills' },
        { skillId: 'python', name: 'Python', evidence: 'Automated reports in Python', section: 'experience' },
      ],
    })
    expect(buildFeatures(document, parsed).skillEvidence.python).toBe('Automated reports in Python')
  })
})

describe('explainScore', () => {
  it('says what matched with its proof, what is missing and what else the candidate brings', () => {
    const source = job()
    const scoring = scoringJobOf(source)
    const features = candidate('x', 'TypeScript PostgreSQL Rust', ['typescript', 'postgresql', 'rust'], 3, 4)
    const view = explainScore({
      job: source,
      breakdown: scoreCandidate(scoring, features, 0.7),
      evidence: { typescript: 'Led a TypeScript migration', postgresql: 'Tuned PostgreSQL queries' },
      candidateSkills: [
        { skillId: 'typescript', name: 'TypeScript' },
        { skillId: 'rust', name: 'Rust' },
      ],
      totalYears: 3,
      educationLevel: 'master',
      semantic: null,
    })
    expect(view.matched.map((m) => [m.name, m.evidence])).toEqual([
      ['TypeScript', 'Led a TypeScript migration'],
      ['PostgreSQL', 'Tuned PostgreSQL queries'],
    ])
    expect(view.missing.map((m) => m.name)).toEqual(['Kubernetes', 'GraphQL'])
    expect(view.additional).toEqual([{ skillId: 'rust', name: 'Rust' }])
    expect(view.explanation).toContain('Has 2 of 3 required skills; missing Kubernetes.')
    expect(view.explanation).toContain(
      '3 years of experience is short of the 5 years minimum, counted at 80%, the share of required skills they have.',
    )
    expect(view.explanation).toContain('Also brings Rust.')
    expect(view.parts.reduce((sum, p) => sum + p.points, 0)).toBeCloseTo(view.score, 0)
    expect(view.parts.reduce((sum, p) => sum + p.share, 0)).toBeCloseTo(1)
  })
})
