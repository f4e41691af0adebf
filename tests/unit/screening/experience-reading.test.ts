import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readResume } from '@core/screening/read'
import { readingLines, SEGMENT_MAX, segmentLine } from '@core/screening/read/lines'
import { loadTaxonomyFile, type Taxonomy } from '@core/screening/taxonomy'
import { FIXTURE_NOW } from '../../fixtures/resumes'
import { EXPERIENCE_SNIPPETS } from './fixtures/experience-snippets'

let taxonomy: Taxonomy
beforeAll(async () => {
  taxonomy = await loadTaxonomyFile(path.resolve('resources/skills.json'))
})

const readYears = (text: string) =>
  readResume({ format: 'txt', text, hiddenText: '', pages: 1, flags: [] }, taxonomy, { now: FIXTURE_NOW })

describe('years of experience on the labeled snippets', () => {
  it('reads at least 90% of them within half a year', () => {
    const misses: string[] = []
    for (const snippet of EXPERIENCE_SNIPPETS) {
      const { totalYears } = readYears(snippet.text)
      if (Math.abs(totalYears - snippet.years) > 0.5)
        misses.push(`${snippet.note}: read ${totalYears}, labeled ${snippet.years.toFixed(2)}`)
    }
    const accuracy = 1 - misses.length / EXPERIENCE_SNIPPETS.length
    console.log(
      [`experience within ±0.5 year: ${(accuracy * 100).toFixed(1)}% of ${EXPERIENCE_SNIPPETS.length}`, ...misses].join(
        '\n  ',
      ),
    )
    expect(EXPERIENCE_SNIPPETS.length).toBeGreaterThanOrEqual(40)
    expect(accuracy).toBeGreaterThanOrEqual(0.9)
  })
})

describe('where the years came from', () => {
  it.each([
    ['EXPERIENCE\nDeveloper, X Ltd, Jan 2021 - Present', 4.5, 'dates', 'high'],
    ['EXPERIENCE\nDeveloper, X Ltd, 2019 - 2021', 2, 'dates', 'medium'],
    // An arrow between the ends, as some resumes write a span.
    ['EXPERIENCE\nDeveloper, X Ltd, 2019-06 → 2021-06\nLead, Y Ltd, 2021-07 -> 2023-07', 4.2, 'dates', 'high'],
    ['SUMMARY\n15+ years of experience in banking.\nEXPERIENCE\nManager, SBI, 2019 – Present', 15, 'stated', 'low'],
    ['Experience - 104 months', 8.7, 'stated', 'medium'],
    ['EXPERIENCE\nCompany: Mphasis (2 years 6 months)', 2.5, 'durations', 'medium'],
    ['EDUCATION\nB.Sc, Delhi University, 2018 - 2021', 0, 'none', 'low'],
    // A job portal's run-together skill lines, misspelt as they print them: the longest counts.
    ['Skill Details Java- Exprience - 84 months Spring- Exprience - 48 monthsCompany Details', 7, 'stated', 'medium'],
    ['Skill Details Accounting- Exprience - 168 monthsCompany Details company - Shah & Co', 14, 'stated', 'medium'],
    // Spaced, abbreviated and spelt-out durations (each line is first checked for a "yr", "year" or digit-then-"m").
    ['Total experience: 104 + months', 8.7, 'stated', 'medium'],
    ['EXPERIENCE\nIntern, Infosys (6 mos)', 0.5, 'durations', 'medium'],
    ['Twelve YRS. of experience in retail', 12, 'stated', 'medium'],
    // A form's field names its unit.
    ['Total experience (years): 6.5', 6.5, 'stated', 'medium'],
    ['Total Exp (in months): 30', 2.5, 'stated', 'medium'],
    // A summary's claim without the word "experience" is taken only when nothing is dated.
    ['Summary Application developer with 7 years in insurance.', 7, 'stated', 'medium'],
    ['I have been in sales for almost 6 years now, first on phones and then in the field.', 6, 'stated', 'medium'],
    ['Worked in warehouse logistics for over ten years.', 10, 'stated', 'medium'],
    // As British resumes write it, and with "plus" spelt out.
    ["Recruiter with 10 years' experience in tech hiring.", 10, 'stated', 'medium'],
    ['8 plus years of experience in SAP SD.', 8, 'stated', 'medium'],
    // What a summary says the writer has spent the years doing, though not "two years running".
    ['Twenty-plus years keeping production databases up.', 20, 'stated', 'medium'],
    ['Top seller in the region three years running.', 0, 'none', 'low'],
    // A total stated in so many words counts under another heading too, as a form's numbered fields fall.
    [
      '5. Educational Qualification:\n- MBA (Marketing), Lucknow University, 2014\n7. Total experience in Sales: 10 years 5 months',
      10.4,
      'stated',
      'medium',
    ],
    // An application form's age is not experience.
    ['2. Date of Birth: 27/07/1990 (Age 34 years as on cut-off date)', 0, 'none', 'low'],
    ['Aged 41 years as of today.', 0, 'none', 'low'],
    // A product's years are not the writer's.
    ['Sold extended warranties for 2 years of cover.', 0, 'none', 'low'],
    [
      'SUMMARY\nSales lead with 10 years in B2B sales.\nEXPERIENCE\nLead, X Ltd, Jan 2017 - Present',
      8.5,
      'dates',
      'high',
    ],
  ])('%s', (text, years, basis, confidence) => {
    expect(readYears(`Jane Doe\n${text}`).experience).toEqual({ years, basis, confidence })
  })
})

describe('the sections a South Asian resume heads', () => {
  it('reads a degree under "EDUCATIONAL QUALIFICATIONS" as no job, and a job’s "Key achievements:" as part of it', () => {
    const resume = readYears(
      [
        'Nimal Perera',
        'EXPERIENCE',
        'Oracle DBA | January 2017 - Present',
        'Key achievements:',
        '* Cut backup time by half.',
        'Database Support Engineer | January 2014 - December 2016',
        'EDUCATIONAL QUALIFICATIONS',
        ' * B.Sc. (Hons) in Information Technology - Colombo Institute of Technology (2010 - 2014)',
        'PERSONAL INFORMATION',
        'Date of Birth : 22nd March 1992',
      ].join('\n'),
    )
    expect(resume.employment.map((job) => job.title)).toEqual(['Oracle DBA', 'Database Support Engineer'])
    expect(resume.totalYears).toBe(11.5)
    expect(resume.educationLevel).toBe('bachelor')
  })
})

describe('a job header read from the lines above its dates', () => {
  it('takes no header from a dated entry of its own above the job, where a PDF lost the gap between', () => {
    const resume = readYears(
      [
        'Exhibitions',
        '2019 — "Small Creatures", two-person show, Westport Arts Centre',
        '2017 — Annual open submission exhibition, Claddagh Arts Centre (selected, 2 works)',
        'Teaching',
        'Art facilitator, Corrib Youth Arts — Saturday drawing classes, 2019 – present.',
      ].join('\n'),
    )
    expect(resume.employment.map((job) => job.title)).toEqual(['Teaching, Art facilitator'])
  })

  it('takes no Markdown heading marks into the title: "### Senior Python Developer — Ravenlock Logistics"', () => {
    const resume = readYears(
      ['## Experience', '', '### Senior Python Developer — Ravenlock Logistics', '*03/2021 – present · Kraków*'].join(
        '\n',
      ),
    )
    expect(resume.employment.map(({ title, company }) => [title, company])).toEqual([
      ['Senior Python Developer', 'Ravenlock Logistics'],
    ])
  })
})

describe('an application form exported from an applicant tracking system', () => {
  const form = [
    'APPLICATION FORM - EXPORTED FROM RECRUITMENT SYSTEM',
    'Vacancy: Area Sales Manager',
    'Email: r.mehta@example.org',
    'SECTION C: EMPLOYMENT HISTORY',
    'Total experience (years): 9',
    'Employer 1: Vasant Agro Foods Pvt Ltd',
    'Job title: Senior Sales Officer',
    'Start date: 06/2019',
    'End date: Current',
    'Responsibilities: Distributor management across 14 towns.',
    'Employer 2: Shreeji Distributors',
    'Job title: Sales Executive',
    'Start date: 08/2015',
    'End date: 05/2019',
  ].join('\n')

  it('reads each job from its own lines of fields: title, employer and dates', () => {
    const resume = readYears(form)
    expect(
      resume.employment.map(({ title, company, start, end, current }) => ({ title, company, start, end, current })),
    ).toEqual([
      {
        title: 'Senior Sales Officer',
        company: 'Vasant Agro Foods Pvt Ltd',
        start: '2019-06',
        end: null,
        current: true,
      },
      { title: 'Sales Executive', company: 'Shreeji Distributors', start: '2015-08', end: '2019-05', current: false },
    ])
    expect(resume.currentTitle).toBe('Senior Sales Officer')
    expect(resume.experience?.basis).toBe('dates')
    expect(resume.totalYears).toBeGreaterThan(9)
  })

  it('takes dates as a job only when an end date field follows the start date field', () => {
    const resume = readYears(form.replace('End date: 05/2019', 'Reason for leaving: relocation'))
    expect(resume.employment.map((job) => job.title)).toEqual(['Senior Sales Officer'])
  })
})

describe('the line model', () => {
  it('cuts an over-long line at sentence ends into bounded segments and loses no text', () => {
    const sentence = 'I tested the payments service with Selenium and wrote the test plans for every release. '
    const line = sentence.repeat(12).trim()
    const segments = segmentLine(line)
    expect(segments.length).toBeGreaterThan(3)
    for (const segment of segments) {
      expect(segment.length).toBeLessThanOrEqual(SEGMENT_MAX)
      expect(segment.endsWith('.')).toBe(true)
    }
    expect(segments.join(' ')).toBe(line)
  })

  it('starts a line where a section label starts inside one, and nowhere else', () => {
    expect(readingLines('Tested releases UAT Experience: Business Analyst, Acme')).toEqual([
      'Tested releases UAT',
      'Experience: Business Analyst, Acme',
    ])
    expect(readingLines('Site supervision EXPERIENCE Resident Engineer R&D Skills: CAD')).toEqual([
      'Site supervision',
      'EXPERIENCE Resident Engineer R&D',
      'Skills: CAD',
    ])
    // Capitals that name no section ("AWS SQL", "Leadership" is one only when styled as a heading).
    const plain = 'Built AWS SQL pipelines with ETL tools, Team Leadership: mentoring QA'
    expect(readingLines(plain)).toEqual([plain])
  })

  it('starts a line at a section named in plain title case inside a long run-together line', () => {
    const summary = 'designing ETL packages with SQL Server Integration Services for banking and telecom clients. '
    const line =
      `Ngozi Chukwu - ETL Developer - ngozi@example.com Professional Summary 4 years ${summary.repeat(2)}` +
      'Skills SSIS, SQL Server, T-SQL, Kimball modelling Work Experience ETL Developer, Savanna Data, 2021 to date'
    expect(readingLines(line)).toEqual([
      'Ngozi Chukwu - ETL Developer - ngozi@example.com',
      `Professional Summary 4 years ${summary.repeat(2).trim()}`,
      'Skills SSIS, SQL Server, T-SQL, Kimball modelling',
      'Work Experience ETL Developer, Savanna Data, 2021 to date',
    ])
    // On a line of ordinary length, and for one word not after a sentence's end, no cut.
    expect(readingLines('Ran the Work Experience Programme for 20 interns')).toEqual([
      'Ran the Work Experience Programme for 20 interns',
    ])
    const long = `${summary.repeat(3)}with team Skills Matrix reviews`
    expect(readingLines(long).join(' ')).toBe(long.trim())
    expect(readingLines(long).some((piece) => piece.startsWith('Skills'))).toBe(false)
  })

  it('starts a line at a section label in sentence case after a sentence ends, inside a long run-together line', () => {
    const summary = 'Engineer focussed on DeFi protocols and EVM chains, writes solidity every day. '
    const line = `${summary.repeat(4)}Previously full stack developer. Technical skills: Solidity, Rust, Hardhat`
    expect(readingLines(line).at(-1)).toBe('Technical skills: Solidity, Rust, Hardhat')
    // A label that names no section, or one not after a sentence's end, is no cut.
    const other = `${summary.repeat(4)}Favourite tools: Foundry and Hardhat, and my technical skills: Rust`
    expect(readingLines(other).join(' ')).toBe(other.trim())
  })

  it('cuts a line without punctuation at spaces, and one without spaces at the bound', () => {
    const words = 'alpha beta gamma delta '.repeat(40).trim()
    expect(segmentLine(words).join(' ')).toBe(words)
    const blob = 'x'.repeat(1000)
    expect(segmentLine(blob).join('')).toBe(blob)
    expect(segmentLine(blob).every((segment) => segment.length <= SEGMENT_MAX)).toBe(true)
  })

  it('finds skills and dates on a line over 300 characters as on a short one', () => {
    const tail = ' and I reviewed pull requests from the whole team every day'
    for (const extra of [0, 300]) {
      const line = `Since Jan 2020 I have built services in Java with SQL and Git${tail.repeat(Math.ceil(extra / tail.length))}`
      const resume = readYears(`Jane Doe\nEXPERIENCE\n${line}`)
      expect(resume.skills.map((skill) => skill.skillId)).toEqual(expect.arrayContaining(['java', 'sql', 'git']))
      expect(resume.totalYears).toBe(5.5)
    }
  })
})
