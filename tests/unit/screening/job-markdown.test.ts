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
