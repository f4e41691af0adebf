import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { educationRequirement } from '@core/screening/jobs/education-requirement'
import { parseJobMarkdown } from '@core/screening/jobs/job-markdown'
import { yearsAskedIn } from '@core/screening/jobs/posting-asks'
import { postingTitle } from '@core/screening/jobs/posting-title'
import { levelsNamed } from '@core/screening/read/education'
import { loadTaxonomyFile, type Taxonomy } from '@core/screening/taxonomy'
import { negatedAt, unwantedLines } from '@core/screening/taxonomy/unwanted'

// Set O's casual posts (Boolean searches, chat messages, intake notes) and careers pages showed each
// of these: what a posting says it does not want became a required skill, a chat header the title.
let taxonomy: Taxonomy
beforeAll(async () => {
  taxonomy = await loadTaxonomyFile(path.resolve('resources/skills.json'))
})
const asked = (markdown: string) => {
  const job = parseJobMarkdown(markdown, taxonomy)
  return {
    required: job.requiredSkills.map((skill) => skill.name),
    preferred: job.preferredSkills.map((skill) => skill.name),
    all: [...job.requiredSkills, ...job.preferredSkills].map((skill) => skill.name),
    job,
  }
}

describe('what a posting says it does not want', () => {
  it('is no skill it asks for: a Boolean search’s NOT group, and only that group', () => {
    const { required, all } = asked(
      '("java" OR "J2EE") AND ("spring boot" OR hibernate) AND NOT (android OR javascript OR selenium OR intern) AND (kafka OR microservices)',
    )
    expect(required).toEqual(expect.arrayContaining(['Java', 'Spring Boot', 'Apache Kafka']))
    expect(all).not.toEqual(expect.arrayContaining(['Selenium']))
    expect(all).not.toContain('JavaScript')
  })

  it('is no skill it asks for: a negation a few words before it in its part of the sentence', () => {
    const { required, all } = asked(
      [
        'Sanne de Vries 14:02',
        'We need another dev for the claims API. C#, .NET 8, EF Core, SQL Server.',
        '',
        'Sanne de Vries 14:05',
        'Correction: not WPF/desktop, web API work only and no Java people please',
      ].join('\n'),
    )
    expect(required).toEqual(expect.arrayContaining(['C#', 'Microsoft SQL Server']))
    expect(all).not.toContain('Java')
    expect(all).not.toContain('WPF')
  })

  it('is no skill it asks for: a "not a fit:" line, and the list under a bare one', () => {
    const notes = [
      'must have: user stories + acceptance criteria in Jira, BPMN process maps',
      'not a fit: PMs, scrum masters, pure data analysts',
      'Avoid:',
      '- Selenium automation engineers',
      '- Tableau report developers',
      'nice: SQL basics',
    ].join('\n')
    expect([...unwantedLines(notes.split('\n'), (line) => line.startsWith('- '))]).toEqual([1, 2, 3, 4])
    const { all, job } = asked(`# Business Analyst\n\n${notes}`)
    expect(all).toEqual(expect.arrayContaining(['User Stories', 'Jira']))
    for (const unwanted of ['Scrum', 'Selenium', 'Tableau']) expect(all).not.toContain(unwanted)
    // "scrum masters" are people, not a master's degree.
    expect(job.educationLevel).toBe('none')
  })

  it('keeps what only sounds negative: "not only", "not limited to", "no less than", "No. of"', () => {
    for (const line of [
      'Not only Java but also Kotlin',
      'including but not limited to Python',
      'no less than 5 years of SQL',
      'No. of positions: 2, Oracle',
      'Neither a designer nor a tester; you write Go.',
    ]) {
      const last = line.search(/Kotlin|Python|SQL|Oracle|Go\./)
      expect(negatedAt(line, last), line).toBe(false)
    }
    for (const [line, skill] of [
      ['NOT windows sysadmin only, NOT QA', 'QA'],
      ['new logos not renewals', 'renewals'],
      ["we don't want Angular people", 'Angular'],
      ['not a dashboard person and not a data engineer', 'data engineer'],
    ] as const)
      expect(negatedAt(line, line.indexOf(skill)), line).toBe(true)
    // A part of the sentence ends a plain negation: "not a PM, strong SQL".
    expect(negatedAt('not a PM, strong SQL', 'not a PM, strong SQL'.indexOf('SQL'))).toBe(false)
  })

  it('makes a skill "not required" preferred, and a degree "not required" no requirement', () => {
    const { required, preferred } = asked('# Data Scientist\n\nPython and scikit-learn. Spark not required.')
    expect(required).toContain('Python')
    expect(preferred).toContain('Apache Spark')
    expect(educationRequirement('PhD not required')).toBe('none')
  })
})

describe('the title of a posting passed around as a chat, a search or notes', () => {
  const titleOf = (text: string) => postingTitle(text.split('\n'), (t) => taxonomy.suggestSkills(t).length > 0)

  it('is no chat header, no Boolean search, no keyword list and no intake note’s head', () => {
    for (const text of [
      'Daniel Okafor  9:15 AM\nneed someone for the churn models. python, sklearn',
      '[3:12 PM] Kevin Lau: QA pod needs someone who can actually BUILD the framework, not just run it. playwright or cypress',
      '("java" OR "J2EE") AND ("spring boot" OR hibernate) AND NOT (android OR selenium)',
      'k8s (EKS) terraform helm argocd gitlab-ci, aws, prometheus/grafana/loki, on-call SRE-ish, 5+ yrs. remote',
      'Intake w/ Farah (HM) 3 Dec - claims transformation programme\n\n- HM wants someone who can run workshops',
      'call notes, Gareth (programme director)\nERP rollout, 14 workstreams, reporting into PMO lead',
    ]) {
      const { title, index } = titleOf(text)
      expect(title, text).toBe('')
      expect(index, text).toBe(-1)
    }
  })

  it('is the role such a text names, and never one it says it does not want', () => {
    expect(
      titleOf(
        '[11:20] Arjun Mehta: need a DBA urgently oracle 19c, RAC + data guard, RMAN backups. postgres migration starting Q2',
      ).title,
    ).toBe('DBA')
    expect(
      titleOf(
        'WANTED: Informatica ETL Developer, Chennai. 3–6 yrs in Informatica PowerCenter / IICS, strong SQL & Oracle',
      ).title,
    ).toBe('Informatica ETL Developer')
    expect(titleOf("We're growing! 🌱\n\nLooking for a People Partner to join our Nairobi team.").title).toBe(
      'People Partner',
    )
    expect(titleOf('intake 14 Nov\n\nNOT looking for automation engineers\nmust have: test cases').title).toBe('')
    expect(titleOf('call notes\nSAP PM as user (work orders) – not an SAP consultant!').title).toBe('')
  })

  it('leaves the long first line in the text, so the years it asks are read', () => {
    const { job } = asked(
      'py backend - django/DRF, fastapi, celery, postgres, redis, docker, pytest. 3-6 yrs. chennai hybrid',
    )
    expect(job.title).toBe('Untitled job')
    expect(job.minYears).toBe(3)
    expect(
      asked('spark (scala or pyspark) hive hdfs yarn kafka, partitioning / perf tuning, 4-8y, gurgaon/noida').job
        .minYears,
    ).toBe(4)
  })
})

describe('a careers page’s own text', () => {
  it('asks for no years from the employer’s age', () => {
    expect(
      yearsAskedIn("For 70 years we've planned and built the grid.\nQualifications:\n• 5-8 years of substation design"),
    ).toBe(5)
    expect(
      yearsAskedIn('For more than 120 years, Meridian Mutual has helped families.\n• 4+ years in network security'),
    ).toBe(4)
    expect(yearsAskedIn('A firm with 150 years of history')).toBeNull()
  })

  it('asks for no skill in its equal-opportunity statement, privacy notice or social tags', () => {
    const { required, all } = asked(
      [
        '# Data Engineer',
        '',
        'Build batch pipelines with Spark and Hive. Strength in SQL.',
        '',
        'Telvora is an equal opportunity employer and provides accessibility accommodations to applicants.',
        'Telvora collects applicant personal data solely for recruiting purposes.',
        '',
        '#DataJobs #Hiring',
      ].join('\n'),
    )
    expect(required).toEqual(expect.arrayContaining(['Apache Spark', 'Apache Hive', 'SQL']))
    expect(all).not.toContain('Accessibility')
    expect(all).not.toContain('Recruiting')
  })

  it('does not make a social post’s sentences preferred because tags follow them', () => {
    const { required } = asked(
      [
        '💪 JOIN THE TEAM! 💪',
        '',
        'Our new studio is opening in February. REPs / ACE / NASM cert required, first aid a must.',
        '',
        '#FitnessJobs #PersonalTrainer #Hiring',
      ].join('\n'),
    )
    expect(required).toContain('First Aid')
  })
})

describe('the teams a job works with', () => {
  it('are no skills it asks for, each one of a list that ends in their teams', () => {
    const { required, all } = asked(
      [
        '# Java Developer',
        '',
        '- Build services in Java and Spring Boot.',
        '- Work closely with our QA and DevOps teams on releases.',
        '- Partner with simulation, manufacturing, quality and customer engineering teams.',
      ].join('\n'),
    )
    expect(required).toEqual(expect.arrayContaining(['Java', 'Spring Boot']))
    expect(all).not.toContain('Quality Assurance')
    expect(all).not.toContain('DevOps')
    expect(all).not.toContain('Manufacturing')
  })

  it('are whom it advises, not what it advises them on', () => {
    const { required, all } = asked(
      [
        '# Senior Commercial Counsel',
        '',
        "You'll advise account executives, sales leadership, deal desk, Finance and Procurement, and draft SaaS agreements.",
        '- Advise leaders on organisation design and workforce planning.',
      ].join('\n'),
    )
    expect(all).not.toContain('Procurement')
    expect(all).not.toContain('Sales Management')
    expect(required).toContain('Workforce Planning')
  })

  it('leaves a skill before "cross-functional teams" asked for', () => {
    const { required } = asked('# Backend Engineer\n\n- Experience with Kafka and cross-functional teams.')
    expect(required).toContain('Apache Kafka')
  })
})

describe('a master that is no degree', () => {
  it.each([
    'Certified Scrum Master (CSM)',
    'SAP Master Data Management',
    'scrum masters',
    'Quiz master',
    'Master Electrician license',
  ])('%s', (line) => expect(levelsNamed(line)).toEqual([]))
  it.each(['Masters in Computer Science', 'Master of Science', "Master's degree"])('%s is one', (line) =>
    expect(levelsNamed(line)).toEqual(['master']),
  )
})
