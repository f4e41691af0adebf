import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { educationRequirement } from '@core/screening/jobs/education-requirement'
import { parseJobMarkdown } from '@core/screening/jobs/job-markdown'
import { loadTaxonomyFile, type Taxonomy } from '@core/screening/taxonomy'

let taxonomy: Taxonomy
beforeAll(async () => {
  taxonomy = await loadTaxonomyFile(path.resolve('resources/skills.json'))
})

describe('the education a job requires', () => {
  it.each([
    ["Bachelor's degree; an MBA is a plus", 'bachelor'],
    ["Bachelor's or Master's", 'bachelor'],
    ["Bachelor's or Master's degree in Computer Science", 'bachelor'],
    ['B.S. in Computer Science, M.S. preferred', 'bachelor'],
    ["Master's degree required", 'master'],
    ['MBA required. PhD is nice to have.', 'master'],
    ['PhD in Chemistry', 'doctorate'],
    ['A degree in a quantitative field', 'bachelor'],
    ['High school diploma or equivalent', 'high_school'],
    ['An MBA would be a plus', 'none'],
    ['No formal education required', 'none'],
  ])('%s → %s', (text, level) => {
    expect(educationRequirement(text)).toBe(level)
  })

  it('reads the Education line of a job.md, and the description when there is none', () => {
    const withLine = parseJobMarkdown(
      "# Analyst\nWe analyse.\nEducation: Bachelor's degree; an MBA is a plus",
      taxonomy,
    )
    expect(withLine.educationLevel).toBe('bachelor')
    const fromText = parseJobMarkdown(
      "# Analyst\nWe analyse sales data.\n- Bachelor's or Master's in Statistics\n- An MBA is a plus",
      taxonomy,
    )
    expect(fromText.educationLevel).toBe('bachelor')
    expect(
      parseJobMarkdown('# Analyst\nWe analyse sales data with 360-degree feedback.', taxonomy).educationLevel,
    ).toBe('none')
  })
})

describe('skills a job lists', () => {
  it('count once when two listed names resolve to one taxonomy skill', () => {
    const job = parseJobMarkdown(
      '# QA Engineer\nWe test things.\nRequired: Manual testing, Test case design, Selenium\nPreferred: Test cases, JIRA',
      taxonomy,
    )
    expect(job.requiredSkills.map((skill) => skill.skillId)).toEqual(['manual-testing', 'selenium'])
    expect(job.preferredSkills.map((skill) => skill.skillId)).toEqual([taxonomy.resolve('JIRA')!.id])
  })
})
