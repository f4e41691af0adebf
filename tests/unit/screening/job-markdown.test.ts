import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseJobMarkdown } from '@core/screening/jobs/job-markdown'
import { loadTaxonomyFile, type Taxonomy } from '@core/screening/taxonomy'

let taxonomy: Taxonomy
beforeAll(async () => {
  taxonomy = await loadTaxonomyFile(path.join(__dirname, '../../../resources/skills.json'))
})

describe('job.md for the command line', () => {
  it('reads the title, inline and bulleted skill lists, years and education', () => {
    const job = parseJobMarkdown(
      [
        '# Senior Data Engineer',
        '',
        'We move data from Kafka into the warehouse.',
        'Required: Python, SQL, k8s',
        'Preferred:',
        '- Apache Kafka',
        '- Widget Polishing',
        'Minimum years: 5',
        'Education: Master',
      ].join('\n'),
      taxonomy,
    )
    expect(job.title).toBe('Senior Data Engineer')
    expect(job.requiredSkills.map((s) => s.name)).toEqual(['Python', 'SQL', 'Kubernetes'])
    expect(job.preferredSkills.map((s) => s.skillId)).toEqual([
      taxonomy.resolve('Kafka')!.id,
      'custom:widget-polishing',
    ])
    expect(job.customSkills).toEqual(['Widget Polishing'])
    expect(job.minYears).toBe(5)
    expect(job.educationLevel).toBe('master')
    expect(job.description).toBe('We move data from Kafka into the warehouse.')
  })

  it('takes a bulleted "Nice to have:" with its items as one item of the list, not the head of the bullets after it', () => {
    const job = parseJobMarkdown(
      [
        '# Python Developer (Django / FastAPI)',
        '',
        '- 2–4 years of commercial Python experience',
        '- Django + Django REST Framework; FastAPI for newer services',
        '- Nice to have: AWS (Lambda, S3, SQS), a bit of React, Docker (basic)',
        '- Fully remote within Poland, team meet-up in Kraków once a month',
        '- Send CV and GitHub link',
      ].join('\n'),
      taxonomy,
    )
    expect(job.preferredSkills.map((s) => s.name)).toEqual(['Amazon Web Services', 'a bit of React', 'Docker'])
    expect(job.description).toContain('Fully remote within Poland')
    expect(job.description).toContain('Send CV and GitHub link')
    expect(job.requiredSkills.map((s) => s.name)).toEqual(expect.arrayContaining(['Python', 'Django', 'FastAPI']))
  })

  it('suggests skills from the text when no lists are given, and infers years', () => {
    const job = parseJobMarkdown(
      [
        'Frontend Engineer',
        'You build React apps in TypeScript. 3+ years of experience.',
        'Nice to have: GraphQL',
      ].join('\n'),
      taxonomy,
    )
    expect(job.requiredSkills.map((s) => s.name)).toEqual(expect.arrayContaining(['React', 'TypeScript']))
    expect(job.minYears).toBe(3)
  })

  it('starts a listed spoken language at weight 1 and a trade’s skill at 3', () => {
    const job = parseJobMarkdown('# Field Sales Executive\nRequired: Field Sales, Hindi', taxonomy)
    expect(job.requiredSkills.map((s) => [s.name, s.weight])).toEqual([
      ['Field Sales', 3],
      ['Hindi', 1],
    ])
  })
})

describe('a posting passed around as a message', () => {
  const read = (lines: string[]) => parseJobMarkdown(lines.join('\n'), taxonomy)

  it.each([
    [
      ['We’re hiring! 🚀', '', 'Looking for an Account Executive (mid-market) to join us at Fernwell.'],
      'Account Executive',
    ],
    [
      ['Urgent Opening!! 🔥🔥', '', 'Operations Manager – International Voice Process (BPO)', 'Exp: 10+ yrs'],
      'Operations Manager – International Voice Process (BPO)',
    ],
    [['🚨🚨 URGENT OPENING 🚨🚨', 'Role: Sr. Backend Engg (Java)', 'Exp: 5-9 yrs'], 'Sr. Backend Engg (Java)'],
    [['Hi team 👋 quick one', 'We need an HR Generalist for the Manchester site.'], 'HR Generalist'],
    [
      ['💪 WE’RE HIRING 💪', 'IronRoots Fitness (Andheri W) needs 2 Personal Trainers + 1 Group Class instructor!!'],
      'Personal Trainers',
    ],
    [
      ['From: Stefan Kovac', 'To: Recruiting', 'Subject: design eng backfill', '', 'Mech design engineer, 3-7 yrs.'],
      'design eng backfill',
    ],
    [['Hi Meera - need a DBA req opened please. Postgres-heavy, 6+ yrs.'], 'DBA'],
    [['📢 HIRING – Network Security Engineer (L2/L3) 📢'], 'Network Security Engineer (L2/L3)'],
    [['Subject: FW: Project Manager – PMO – Dubai (urgent)'], 'Project Manager – PMO – Dubai (urgent)'],
    // After the shout only a place: the role is further down.
    [['# Hiring BA - Pune', '', 'Looking for a Business Analyst for a banking client.'], 'Business Analyst'],
    [['🚨 *Hiring – Pune* 🚨', 'Senior Java Developer', 'Exp: 3-8 yrs'], 'Senior Java Developer'],
    [['*Hiring – Pune*', 'Spring Boot, Kafka'], 'Untitled job'],
    // A skill after the shout is what the opening is for.
    [['Hiring – Salesforce', 'Pune, 3-8 yrs'], 'Salesforce'],
    // A heading that names no role over the field that does.
    [
      ['CAREER DEVELOPMENT CENTRE – NOTICE BOARD', 'Company: QualiSoft', 'Role: Trainee – Quality Assurance (manual)'],
      'Trainee – Quality Assurance (manual)',
    ],
    [['**Req ID:** ZA-CPT-INF-2026-017', '**Job Title:** Engineer – Network Security'], 'Engineer – Network Security'],
    [['Requisition: REQ-UK-25-1183', 'Band: 6'], 'Requisition: REQ-UK-25-1183'],
  ])('finds the role where the message names it: %j', (lines, title) => {
    expect(read(lines).title).toBe(title)
  })

  it('keeps a first line that names the role as the title, and the opener in the text it comes from', () => {
    expect(read(['# Senior Data Engineer', 'We move data.']).title).toBe('Senior Data Engineer')
    const job = read(['Hi Meera - need a DBA req opened please: PostgreSQL and Oracle RAC, on-call.'])
    expect(job.description).toContain('PostgreSQL and Oracle RAC')
    expect(job.requiredSkills.map((s) => s.name)).toEqual(expect.arrayContaining(['PostgreSQL', 'Oracle RAC']))
  })

  it('gives no title where an opener names no role under it', () => {
    expect(read(['Hi everyone 🎨', 'Pls share with your friends, thanks!']).title).toBe('Untitled job')
  })

  it('takes no skill from mail headers, a greeting, an address or the employer’s industry', () => {
    const job = read([
      'Fwd: req for .net resource',
      'From: Rakesh M <rakesh.m@corvalis.example>',
      'To: recruitment-team@corvalis.example',
      '',
      'Dear Recruiter,',
      'Need 2 C# developers with ASP.NET Core and SQL Server.',
      'Industry Type: Real Estate',
    ])
    const skills = [...job.requiredSkills, ...job.preferredSkills].map((s) => s.name)
    expect(skills).toEqual(expect.arrayContaining(['C#', 'ASP.NET', 'Microsoft SQL Server']))
    expect(skills).not.toContain('Recruiting')
    expect(job.requiredSkills.map((s) => s.name)).not.toContain('Real Estate')
  })
})
