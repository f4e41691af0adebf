import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { extractDocument } from '@core/screening/extract'
import { taxonomyCatalog } from '@core/screening/jobs/skill-catalog'
import { emailKey, phoneKey, samePersonBy } from '@core/screening/candidates/contact-keys'
import { readResume } from '@core/screening/read'
import { findEmail } from '@core/screening/read/contact'
import { forwardedMessage } from '@core/screening/read/forwarded'
import { findDateRanges, monthToIso, parseDate } from '@core/screening/read/dates'
import { educationLevelOf } from '@core/screening/read/education'
import { headlineOf } from '@core/screening/scoring/fields'
import { loadTaxonomyFile, type Taxonomy } from '@core/screening/taxonomy'
import type { ExtractedDocument, ParsedResume } from '@core/screening/types'
import {
  buildHostileCases,
  buildResume,
  FIXTURE_NOW,
  FORMAT_ROTATION,
  renderResume,
  RESUME_PEOPLE,
  totalYearsFor,
  type FixtureFormat,
} from '../../fixtures/resumes'

let taxonomy: Taxonomy
beforeAll(async () => {
  taxonomy = await loadTaxonomyFile(path.resolve('resources/skills.json'))
})

const NOW = new Date('2024-06-15T00:00:00Z')
const NOW_MONTH = 2024 * 12 + 5
const textDocument = (text: string): ExtractedDocument => ({ format: 'txt', text, hiddenText: '', pages: 1, flags: [] })
const read = (text: string) => readResume(textDocument(text), taxonomy, { now: NOW })
/** The skills the resume's highlights mark in the text. */
const highlightedIds = (text: string) =>
  taxonomyCatalog(taxonomy)
    .spans(text)
    .map((span) => span.skillId)

describe('dates', () => {
  it.each([
    ['Jan 2019 – Present', '2019-01', 'now', true],
    ['January 2019 to Present', '2019-01', 'now', true],
    ['Sept. 2019 - Mar 2021', '2019-09', '2021-03', false],
    ['03/2018 - 06/2021', '2018-03', '2021-06', false],
    ['2018-03 – 2021-06', '2018-03', '2021-06', false],
    ['2017-2020', '2017-01', '2020-01', false],
    ["Jan '19 — Dec '20", '2019-01', '2020-12', false],
    ['Feb/2023 - Jan/2024 (12 months)', '2023-02', '2024-01', false],
    ['since 2021', '2021-01', 'now', true],
    ['(Summer 2022 - Fall 2023)', '2022-06', '2023-09', false],
    ['2019 - current', '2019-01', 'now', true],
    // Rows of an HR system's or an ATS's table of jobs (set O's Workday and SuccessFactors exports).
    ['01-04-2019 | 31-12-2022 | Network Engineer | JL7', '2019-04', '2022-12', false],
    ['01-01-2023 | — | Network Security Specialist | JL8', '2023-01', 'now', true],
    ['01/03/2024 | (current) | Senior People Partner | Grade 10', '2024-03', 'now', true],
    ['3    | Nexa Systems Pvt Ltd, Pune  | Oracle DBA  | Jun 2014   | Jun 2016', '2014-06', '2016-06', false],
  ])('%s', (text, start, end, current) => {
    const [range] = findDateRanges(text, NOW_MONTH)
    expect(range).toBeDefined()
    expect(monthToIso(range!.start)).toBe(start)
    expect(range!.current).toBe(current)
    if (end === 'now') expect(range!.end).toBe(NOW_MONTH + 1)
    else expect(monthToIso(range!.endPrecise ? range!.end - 1 : range!.end)).toBe(end)
  })

  // Dates with a day go through chrono only when the line has an English month name or a numeric
  // date; these are the forms that rule must let through.
  it.each([
    ['16th Jan 2017 to till 30th Aug 2018', '2017-01', '2018-08'],
    ['16-Jan-2017 - 30-Aug-2018', '2017-01', '2018-08'],
    ['16Jan2017 to 30Aug2018', '2017-01', '2018-08'],
    ['1st of September, 2019 until March 3rd, 2021', '2019-09', '2021-03'],
    ['16/01/2017 - 30/08/2018', '2017-01', '2018-08'],
    ['16.01.2017 – 30.08.2018', '2017-01', '2018-08'],
    ['2017-01-16 to 2018-08-30', '2017-01', '2018-08'],
    ['2017/1/16 - 2018/8/30', '2017-01', '2018-08'],
  ])('a day-first date: %s', (text, start, end) => {
    const [range] = findDateRanges(text, NOW_MONTH)
    expect(range, text).toBeDefined()
    expect(monthToIso(range!.start)).toBe(start)
    expect(monthToIso(range!.end - 1)).toBe(end)
  })

  it('ignores numbers that are not date ranges', () => {
    for (const text of [
      'Call 555-2019',
      'Grew revenue 2019 by 40%',
      'Version 2.3 - 4.1',
      'ISO 9001-2015 audit',
      'Room 1204 - 1208',
      // A portal's IT skills table: a version and the year it was last used.
      'SQL Server | 2019 | 2026 | 4 Years 0 Months',
    ]) {
      expect(findDateRanges(text, NOW_MONTH), text).toEqual([])
    }
    expect(parseDate('Smarch 2019')).toBeNull()
  })
})

describe('a heading in two languages', () => {
  it('reads "FORMAÇÃO / EDUCATION" as education: its degree is no job', () => {
    const parsed = read(
      'Lucas Santos\nEXPERIÊNCIA / EXPERIENCE\nJunior Developer - Agrovale Sistemas Ltda\nFeb/2023 - Jan/2024\nFORMAÇÃO / EDUCATION\nBacharelado em Ciência da Computação - UNICAMP, 2019 - 2023',
    )
    expect(parsed.employment.map((job) => [job.title, job.company])).toEqual([
      ['Junior Developer', 'Agrovale Sistemas Ltda'],
    ])
    expect(parsed.sections.education).toContain('UNICAMP')
    // Nor is a section's name run into a job its employer.
    const inline = read('Maria Costa\nExperience - Business Analyst - Lojas Pampa Digital (jan/2022 - present)')
    expect(inline.employment.map((job) => [job.title, job.company])).toEqual([
      ['Business Analyst', 'Lojas Pampa Digital'],
    ])
  })
})

describe('employment, years and gaps', () => {
  it('reads a job whose header a long run-together line cut off before its dates', () => {
    // One line of 1,300 characters, as a scrape gives it: cut into segments, one of them ending at
    // "Savanna Data Solutions Ltd," and the next opening "Abuja - 2021 to date".
    const text = fs.readFileSync(path.resolve('tests/fixtures/ranking/set-c/resumes/c041.txt'), 'utf8')
    const parsed = read(text)
    expect(parsed.currentTitle).toBe('ETL Developer')
    expect(parsed.employment[0]).toMatchObject({ title: 'ETL Developer', company: 'Savanna Data Solutions Ltd' })
    // The section's name run into the title is no part of it, with or without a colon.
    const own = read('Ana Ribeiro\nProfessional Experience Automation QA Engineer, Nubeflex Pagamentos, 2021 - Present')
    expect(own.currentTitle).toBe('Automation QA Engineer')
  })

  it('merges overlapping jobs and reports gaps over six months', () => {
    const parsed = read(
      [
        'Alex Morgan',
        'EXPERIENCE',
        'Staff Engineer, Acme Corp — Jan 2022 – Present',
        'Consultant, Self-employed — Jun 2021 – Mar 2022',
        'Senior Engineer | Initech | 03/2016 - 06/2020',
        'Engineer at Globex (2013-2015)',
      ].join('\n'),
    )
    expect(parsed.employment.map((job) => [job.title, job.company, job.start, job.end, job.current])).toEqual([
      ['Staff Engineer', 'Acme Corp', '2022-01', null, true],
      ['Consultant', 'Self-employed', '2021-06', '2022-03', false],
      ['Senior Engineer', 'Initech', '2016-03', '2020-06', false],
      ['Engineer', 'Globex', '2013-01', '2015-01', false],
    ])
    // Jun 2021 – Jun 2024 is 37 months once the overlap is merged; Mar 2016 – Jun 2020 is 52; 2013 – 2015 is 24.
    expect(parsed.totalYears).toBe(Math.round((113 / 12) * 10) / 10)
    expect(parsed.gaps).toEqual([
      { from: '2015-01', to: '2016-02', months: 14 },
      { from: '2020-07', to: '2021-05', months: 11 },
    ])
    expect(parsed.currentTitle).toBe('Staff Engineer')
  })

  it('reads a job whose title and company sit on the lines around its dates', () => {
    const parsed = read(
      [
        'Work history',
        'Mercy General Hospital',
        'Jan 2020 - Present',
        'Registered Nurse, ICU',
        '• Cared for 4 patients',
        'Riverside Health',
        'Registered Nurse',
        '2016 - 2019',
      ].join('\n'),
    )
    expect(parsed.employment.map((job) => [job.title, job.company])).toEqual([
      ['Registered Nurse, ICU', 'Mercy General Hospital'],
      ['Registered Nurse', 'Riverside Health'],
    ])
  })

  it('reads "Title, Company, City" with the company a telecom, media or infotech firm', () => {
    const parsed = read(
      [
        'Experience',
        'Junior SQL Developer, Eko Telecoms, Lagos - 2019 to 2021',
        'Web Designer, Brightline Infotech, Vadodara (Jun 2020 - Jun 2022)',
        'DevOps Engineer, Avonmouth Media, Bristol, 2016 - 2018',
      ].join('\n'),
    )
    expect(parsed.employment.map((job) => [job.title, job.company])).toEqual([
      ['Junior SQL Developer', 'Eko Telecoms'],
      ['Web Designer', 'Brightline Infotech'],
      ['DevOps Engineer', 'Avonmouth Media'],
    ])
  })

  it('reads a numbered job without its number', () => {
    const parsed = read(
      [
        'Experience',
        '1) Lead Database Administrator, Orbit Bank (Jan 2019 - Present)',
        '2. Site Internship - PWD Kanpur (June 2022 - July 2022)',
      ].join('\n'),
    )
    expect(parsed.employment.map((job) => job.title)).toEqual(['Lead Database Administrator', 'Site Internship'])
    // A job run into one line ends its title at the first bullet of its duties.
    const run = read(
      'EXPERIENCE Orbit Retail (2019 - Present) Senior Data Engineer * Migrated 200 Hive jobs * Built ingestion',
    )
    expect(run.employment[0]!.title).not.toMatch(/Migrated/)
    expect(run.employment[0]!.title).toMatch(/Senior Data Engineer$/)
  })

  it('takes the job’s title, not the section’s name run into it nor a project inside the job', () => {
    expect(read('Experience: Associate QA Engineer – Qubitron Software Labs (Sep 2022 – Present)').currentTitle).toBe(
      'Associate QA Engineer',
    )
    const projects = read(
      [
        'Professional Experience:',
        'QA Engineer – Medisetu Health Technologies Pvt. Ltd. – Dec 2020 to Present',
        'Project 1: Clinic Appointment & EMR Application (Web + Android)',
        'Duration : Mar 2022 – Present',
      ].join('\n'),
    )
    expect(projects.currentTitle).toBe('QA Engineer')
  })

  it('takes the title under the name when no dated job gives one', () => {
    const undated =
      'NANDINI R. KULKARNI\nQuality Analyst\nPune | +91 97302 41855 | nandini@example.com\n\nPROFILE\n8+ years in manual testing.\n\nEXPERIENCE\nSenior Quality Analyst - Veritrue Software, Pune'
    expect(read(undated).currentTitle).toBe('Quality Analyst')
    expect(read('KWABENA ADJEI — Electrician\nkwabena@example.com\n\nSKILLS\nWiring').currentTitle).toBe('Electrician')
    // Not a sentence, a label or a contact line.
    expect(
      read('Ama Owusu\nObjective - Fresher seeking role as SAP ABAP Developer.\nama@example.com\n\nSKILLS\nABAP')
        .currentTitle,
    ).toBeNull()
  })

  it('takes the title of the job that ended last when none is current', () => {
    expect(read('EXPERIENCE\nAnalyst, Foo Inc. 2015 - 2017\nSenior Analyst, Bar LLC 2018 - 2020').currentTitle).toBe(
      'Senior Analyst',
    )
  })

  it.each([
    [
      'Company Details company - Acme Infotech Pvt Ltd description - Working as SAP ABAP Consultant from Mar 2017 to till date. * Developed custom reports',
      'SAP ABAP Consultant',
    ],
    [
      'Company Details company - Quadrant Consulting description - Senior SAP Developer (BW/4HANA + ABAP) since 2018. * Designed ADSOs',
      'Senior SAP Developer',
    ],
    ['EXPERIENCE\nSr. Software Engineer, Foo Inc. 2019 - Present', 'Sr. Software Engineer'],
    [
      'company - Maxwell Infotech description - 1st Jul 2013 to 31st Dec 2016. ETL Developer for retail DWH * Built mappings',
      'ETL Developer',
    ],
    [
      'company - Ganga Infoserv Pvt Ltd description - Since Aug 2016 working as Sr Oracle DBA supporting 150+ databases',
      'Sr Oracle DBA',
    ],
    [
      'company - Malwa Auto Components description - 16th Jan 2017 to till date. Sr. HR Executive (plant HR) * Handling recruitment',
      'Sr. HR Executive',
    ],
  ])('takes the title out of the sentence a portal wrote it in: %s', (text, title) => {
    expect(read(text).currentTitle).toBe(title)
  })

  it.each([
    [
      'the title and the dates after a label ("Designation :", "Duration :")',
      'EXPERIENCE\n1) Company : Telvera Communications Sdn Bhd\nDesignation : Senior Big Data Engineer\nDuration : Aug 2021 - till date',
      ['Senior Big Data Engineer', 'Telvera Communications Sdn Bhd'],
    ],
    [
      'LinkedIn’s export ("Company Name", "Title", "Dates Employed")',
      'Experience\nCompany Name Banco Serra Azul S.A.\nTitle Senior Database Administrator\nDates Employed Mar 2021 – Present\nEmployment Duration 3 yrs 4 mos',
      ['Senior Database Administrator', 'Banco Serra Azul S.A.'],
    ],
    [
      'a job named as now held ("Current:")',
      'EXPERIENCE\nCurrent: Sr. ETL Developer, Godavari Infosystems Ltd (16th Jan 2017 to till date)',
      ['Sr. ETL Developer', 'Godavari Infosystems Ltd'],
    ],
    [
      'a field run into the label ("Pune Designation: Site Engineer")',
      'EXPERIENCE\nCompany: Shivneri Constructions Pvt. Ltd., Pune Designation: Site Engineer Duration: July 2016 - Present',
      ['Site Engineer', 'Shivneri Constructions Pvt. Ltd.'],
    ],
    [
      'a portal job whose role follows its project ("… Role: … Duration: …")',
      'company - Stratus Datalabs India Pvt Ltd description - Project: Enterprise Data Lake for retail bank Role: Senior Big Data Engineer Duration: Apr 2019 - present * Ingestion of 40+ sources',
      ['Senior Big Data Engineer', 'Stratus Datalabs India Pvt Ltd'],
    ],
    [
      'a portal job whose title runs into the next label ("… Java Developer Environment: Java 8")',
      'company - Veltrix Infosoft Pvt Ltd description - Jan 2015 to Jul 2016 Java Developer Environment: Java 8, Spring MVC',
      ['Java Developer', 'Veltrix Infosoft Pvt Ltd'],
    ],
    [
      'a bulleted job line ("* Technical Lead – …")',
      'EXPERIENCE\n* Technical Lead – Paysphere Technologies Pvt. Ltd. (Mar 2019 – Present)',
      ['Technical Lead', 'Paysphere Technologies Pvt. Ltd.'],
    ],
    [
      'a job written as a sentence ("She currently works as …")',
      'She currently works as Senior Civil Engineer, Mbeyu Consulting Engineers (February 2019 – present)',
      ['Senior Civil Engineer', 'Mbeyu Consulting Engineers'],
    ],
    [
      'a title three lines above its dates, over its company and a line about the company',
      'EXPERIENCE\nOperations Manager\nNorteña Components S.A. de C.V.\n(Tier-2 automotive supplier, 620 employees)\n2017 – actual',
      ['Operations Manager', 'Norteña Components S.A. de C.V.'],
    ],
    [
      'a long line above its dates, naming a promotion, the company and its office (106 characters)',
      'EXPERIENCE\nSenior Process Associate → Team Lead (Operations) — Cauvery Bank Ltd., Global Operations Centre, Bengaluru\nJuly 2018 – Dec 2022',
      ['Senior Process Associate → Team Lead (Operations)', 'Cauvery Bank Ltd.'],
    ],
    [
      'a "Previously:" label',
      'EXPERIENCE\nPreviously: Network Engineer, Pharos Systems Integration (Jul 2016 – Jun 2019)',
      ['Network Engineer', 'Pharos Systems Integration'],
    ],
    [
      'a gym’s trainer ("Trainer" is a title, a gym a company)',
      'EXPERIENCE\nFitness Trainer, FitZone Gym, Andheri, 2018 - 2021',
      ['Fitness Trainer', 'FitZone Gym'],
    ],
    [
      'Europass’s "Occupation or position held:"',
      'WORK EXPERIENCE\n03/2020 – Present\nOccupation or position held: ETL Developer (Informatica / SSIS)',
      ['ETL Developer (Informatica / SSIS)', null],
    ],
    [
      'a "From" before the dates, a title above them and the company above that',
      'WORK EXPERIENCE\n1. Al-Rimal Cement Company, Yanbu, KSA\nMechanical Maintenance Engineer\nFrom 10-Jan-2017 to Present',
      ['Mechanical Maintenance Engineer', 'Al-Rimal Cement Company'],
    ],
    [
      'a Mexican company’s "S.A. de C.V." before the title',
      'EXPERIENCE\nNorteña Components S.A. de C.V. – Plant Operations Manager (2017 – Present)',
      ['Plant Operations Manager', 'Norteña Components S.A. de C.V.'],
    ],
    [
      'a company before a title with no title word ("… sp. z o.o. — Senior QA Automation")',
      'EXPERIENCE\n* Odra Systems sp. z o.o. — Senior QA Automation, 2021.03 – now',
      ['Senior QA Automation', 'Odra Systems sp. z o.o.'],
    ],
    [
      'a "designation" without a colon after the employer',
      'Employer: Southern Polymers Ltd, IT department (2019 - present), designation Assistant Manager - IT Infrastructure',
      ['Assistant Manager, IT Infrastructure', 'Southern Polymers Ltd'],
    ],
    [
      'a role "in" its employer ("Software Engineer in Tejomaya Infotech Pvt. Ltd.")',
      'EXPERIENCE\n• Working as Software Engineer in Tejomaya Infotech Pvt. Ltd., Hyderabad from Jan 2019 – till date.',
      ['Software Engineer', 'Tejomaya Infotech Pvt. Ltd.'],
    ],
    [
      'the last sentence of a paragraph a PDF ran into the job ("… release pipelines. Junior ETL Developer at …")',
      'EXPERIENCE\nReduced daily load by parallelising packages. Deployment via Azure DevOps release pipelines. Junior ETL Developer at Vistara Info Systems, Hyderabad from Jan 2020 to Aug 2021.',
      ['Junior ETL Developer', 'Vistara Info Systems'],
    ],
    [
      'a role "in" a field, not an employer ("Specialist in Oncology")',
      'EXPERIENCE\nClinical Nurse Specialist in Oncology, Mercy Hospital, 2018 - Present',
      ['Clinical Nurse Specialist in Oncology', 'Mercy Hospital'],
    ],
  ])('reads %s without its labels', (_case, text, job) => {
    expect(read(`Asha Rao\n${text}`).employment.map((entry) => [entry.title, entry.company])).toEqual([job])
  })

  it("takes no project's fields for a job, nor the label of the list below its dates", () => {
    const block = (duration: string) =>
      [
        'Asha Rao',
        'EXPERIENCE',
        'Senior QA Automation Engineer | Brightcode Technologies Pvt. Ltd., Pune | 2021 - Present',
        'PROJECT #1: Retail banking app',
        'Role : Senior QA Automation Engineer',
        'Team Size : 15 (QA - 4)',
        'Environment : Selenium 4, Java 11, Cucumber, TestNG, Rest Assured, Jenkins, BrowserStack, JIRA',
        duration,
        'Roles & Responsibilities:',
        '- Built the BDD framework',
      ].join('\n')
    // As a text file has it, and as a PDF's line joining runs the dates into the field above them.
    for (const text of [
      block('Duration : Aug 2021 - Present'),
      block('Duration : Aug 2021 - Present').replace('JIRA\nDuration', 'JIRA Duration'),
    ]) {
      const parsed = read(text)
      expect(parsed.employment.map((job) => [job.title, job.company])).toEqual([
        ['Senior QA Automation Engineer', 'Brightcode Technologies Pvt. Ltd.'],
      ])
      expect(parsed.currentTitle).toBe('Senior QA Automation Engineer')
      expect(parsed.totalYears).toBe(3.5)
    }
  })

  it('takes no length of time for a title ("Experience: 4.5 years (Sep 2020 – present)")', () => {
    expect(
      read('Neha Agarwal\nPROFILE\nExperience: 4.5 years (Sep 2020 – present)').employment.map((job) => job.title),
    ).toEqual([])
  })

  it('counts no career break as work, nor names it a job', () => {
    const parsed = read(
      [
        'Rachel Hughes',
        'Career break, Sept 2018 - Dec 2023',
        'Full-time parent.',
        'HR Advisor, Thamesbridge Logistics Ltd, Slough - Mar 2014 to Aug 2018',
        'After six years at home with my three children (2017–2023) I am ready to return.',
      ].join('\n'),
    )
    expect(parsed.employment.map((job) => job.title)).toEqual(['HR Advisor'])
    expect(parsed.totalYears).toBe(4.5)
  })

  it("reads a date column's start and end, each on a line of its own, as one span", () => {
    // As a designed template's two columns come out: the dates to the left of each job.
    const parsed = read(
      [
        'Chidera Okonkwo',
        'EXPERIENCE',
        'Jan 2022',
        'Present',
        'Software Engineer (Java) — PayNest Technologies',
        '• Built the wallet microservices in Spring Boot.',
        'Jul 2020',
        'Dec 2021',
        'Junior Java Developer — Ikeja Soft Systems',
        '• Spring MVC modules for a school management system.',
      ].join('\n'),
    )
    expect(parsed.employment.map((job) => [job.start, job.end])).toEqual([
      ['2022-01', null],
      ['2020-07', '2021-12'],
    ])
    expect(parsed.totalYears).toBe(4)
  })

  it('takes the role from a sentence of years spent in it ("spent five years as …")', () => {
    const parsed = read(
      'Sofía Martín\nBefore opening the studio, Sofía spent five years as a fitness instructor and then head trainer at a gym chain in Valencia (2014-2019).',
    )
    expect(parsed.employment.map((job) => job.title)).toEqual(['fitness instructor'])
  })

  it.each([
    ['I have been in-house Legal Counsel at Savanna Agro Exporters Ltd (2021 – present).', ['in-house Legal Counsel']],
    ['Before that I was a sales executive at an appliance retailer (2019 - 2021).', ['sales executive']],
    ['Since 2023 I write React components for a skincare brand: page layouts, cards and carousels.', []],
  ])('takes the role a first-person sentence names, and none from one that names none: %s', (line, titles) => {
    const parsed = read(`Asha Rao\nEXPERIENCE\n${line}`)
    expect(parsed.employment.map((job) => job.title)).toEqual(titles)
    expect(parsed.totalYears).toBeGreaterThan(0)
  })

  it('takes no sentence for a title, and still counts its years', () => {
    const parsed = read(
      'Aoife Byrne\nEXPERIENCE\nTeaching has become a big part of my working life, a secondary school in Galway (2018 - 2022)',
    )
    expect(parsed.employment).toEqual([])
    expect(parsed.totalYears).toBe(4)
  })

  it('reads the company of a portal export’s job from its "company -" field', () => {
    const parsed = read(
      'company - Maxwell Infotech description - 1st Jul 2013 to 31st Dec 2016. ETL Developer for retail DWH',
    )
    expect(parsed.employment.map((job) => [job.title, job.company])).toEqual([['ETL Developer', 'Maxwell Infotech']])
  })

  it('reads a portal export’s "Education Details" block as education: its dates are not work', () => {
    const parsed = read(
      [
        'Education Details',
        'May 2013 to May 2017 B.E UIT-RGPV',
        'Data Scientist',
        '',
        'Skill Details',
        'Python- Exprience - 24 months',
        'Company Details',
        'company - Matelabs',
        'description - Jan 2022 to till date. Built churn models with scikit-learn',
      ].join('\n'),
    )
    expect(parsed.totalYears).toBeCloseTo(2.5, 1)
    expect(parsed.educationLevel).toBe('bachelor')
    expect(parsed.sections.skills).toContain('Python- Exprience - 24 months')
    // The export's fields are not a job's title and company; the block's last line is the headline.
    expect(parsed.employment).toEqual([])
    expect(parsed.currentTitle).toBe('Data Scientist')
  })

  it('names no job "description" when a portal export gives no title, run together or cut between its fields', () => {
    const together = read(
      'Skill Details JAVA- Exprience - 66 months Company Details company - Sahyadri Softlabs description - Nov 2018 to till date. Project: Loan Origination System. * Developed REST microservices company - Orbit Infotech description - Sep 2015 to Oct 2018. Project: Hotel booking web application.',
    )
    expect(together.employment).toEqual([])
    expect(together.currentTitle).toBeNull()
    expect(together.totalYears).toBeCloseTo(8.8, 1)
    const cut = read(
      [
        'Skill Details JAVA- Exprience - 66 months Company Details company - Tarangan IT Services Ltd',
        'description - Working as PMO Lead from Jan 2019 to till date. * Ran the weekly portfolio review',
      ].join('\n'),
    )
    expect(cut.employment.map((job) => [job.title, job.company])).toEqual([['PMO Lead', 'Tarangan IT Services Ltd']])
  })

  it('takes the headline a run-together portal export repeats, and no repeated words elsewhere', () => {
    const together = read(
      'Skills: Core Java, Spring Boot Education Details August 2015 B.E. Computer Engineering Mumbai University Java Developer Java Developer - Sahyadri Softlabs Skill Details JAVA- Exprience - 66 months Company Details company - Sahyadri Softlabs description - Nov 2018 to till date. Project: Loan Origination System.',
    )
    expect(together.currentTitle).toBe('Java Developer')
    // Outside a portal export the repeat is not taken as one (the line stands as written, under the name).
    expect(read('Sam Lee\nProject Manager Project Manager - Acme, a note repeated').currentTitle).not.toBe(
      'Project Manager',
    )
  })

  it('reads a portal export run into one line as the same export with its line breaks', () => {
    const lines = [
      'Skills * Informatica PowerCenter, Oracle 12c, Teradata, SQL, PL/SQL, Unix shell scripting, Control-M',
      'Education Details ',
      'May 2013 B.Tech Information Technology Chennai, Tamil Nadu Anna University',
      'ETL Developer ',
      '',
      'ETL Developer - Thirumala Technologies',
      'Skill Details ',
      'Informatica- Exprience - 72 months',
      'Python- Exprience - Less than 1 year months',
      'Teradata- Exprience - 36 monthsCompany Details ',
      'company - Thirumala Technologies',
      'description - 16th Jan 2017 to till date. Role: Senior ETL Developer * Built mappings for policy and customer dimensions',
      'company - Maxwell Infotech',
      'description - 1st Jul 2013 to 31st Dec 2016. ETL Developer for retail DWH * Wrote PL/SQL procedures',
    ]
    // As extraction gives it: a file's line breaks, "\r\n" included, are "\n".
    const broken = lines.join('\n')
    const together = lines
      .map((line) => line.trim())
      .filter(Boolean)
      .join(' ')
    const reading = (text: string) => {
      const parsed = read(text)
      return {
        jobs: parsed.employment.map((job) => [job.title, job.company, job.start, job.end]),
        years: parsed.totalYears,
        title: parsed.currentTitle,
        education: parsed.educationLevel,
        skills: parsed.skills.map((skill) => skill.skillId),
        headline: headlineOf(text),
      }
    }
    expect(reading(together)).toEqual(reading(broken))
    // Both jobs, the school's years not among them.
    expect(reading(together).jobs).toEqual([
      ['Senior ETL Developer', 'Thirumala Technologies', '2017-01', null],
      ['ETL Developer', 'Maxwell Infotech', '2013-07', '2016-12'],
    ])
    expect(reading(together).headline).toEqual(['ETL Developer'])
  })

  it('reads a date range broken at its dash across two lines, as the PDF reader joins it', () => {
    const parsed = read(
      ['EXPERIENCE', 'Senior Data Scientist', 'Nordwerk Logistik GmbH, Leipzig', '03/2021 –', 'present'].join('\n'),
    )
    expect(parsed.employment.map((job) => [job.title, job.start, job.current])).toEqual([
      ['Senior Data Scientist', '2021-03', true],
    ])
  })

  it('reads a heading of two section words with the years beside it as one heading, and the table under it as jobs', () => {
    const parsed = read(
      [
        'EXPERIENCE SUMMARY  (4 years 3 months)',
        '',
        'Organisation          | Designation                 | Period',
        'Shree Ganesh Infracon | Site Engineer               | Oct 2021 – Sep 2023',
        'Anant Buildtech       | Junior Engineer (Civil)     | Jul 2019 – Sep 2021',
      ].join('\n'),
    )
    expect(parsed.sections.summary).toBeUndefined()
    expect(parsed.employment.map((job) => [job.title, job.start, job.end])).toEqual([
      ['Site Engineer', '2021-10', '2023-09'],
      ['Junior Engineer (Civil)', '2019-07', '2021-09'],
    ])
  })

  it('reads a date range broken before its dash or inside a date, as a word processor wraps it', () => {
    const parsed = read(
      [
        'EXPERIENCE',
        'Business Analyst — Pacific Benefit Administrators                         2009',
        '– 2012',
        'Python Developer — Sanvi Softlabs LLP, Ahmedabad Since Aug',
        '2021',
      ].join('\n'),
    )
    expect(parsed.employment.map((job) => [job.start, job.end, job.current])).toEqual([
      ['2009-01', '2012-01', false],
      ['2021-08', null, true],
    ])
  })

  it('reads the title after a dataset’s anonymised place, and a title that opens with ".NET"', () => {
    const parsed = read(
      [
        'EXPERIENCE',
        'Company Name City , State .NET Developer 08/2020 to Current',
        '- Built REST APIs in ASP.NET Core',
        'Company Name City, State Software Developer 06/2017 to 07/2020',
        'Jr. .NET developer, Nextgen Webworks, Aug 2013 - Dec 2015',
      ].join('\n'),
    )
    expect(parsed.employment.map((job) => job.title)).toEqual([
      '.NET Developer',
      'Software Developer',
      'Jr. .NET developer',
    ])
  })

  it('reads a portal export’s job from its "company -" and "description -" lines', () => {
    const parsed = read(
      [
        'Company Details',
        'company - Maxwell Infotech',
        'description - 1st Jul 2013 to 31st Dec 2016. ETL Developer for retail DWH',
        'company - Nova Retail',
        'description - Working as Sr Data Engineer since Jan 2017.',
      ].join('\n'),
    )
    expect(parsed.employment.map((job) => [job.title, job.company])).toEqual([
      ['ETL Developer', 'Maxwell Infotech'],
      ['Sr Data Engineer', 'Nova Retail'],
    ])
    expect(parsed.currentTitle).toBe('Sr Data Engineer')
  })

  it('does not count school dates as work when there is no experience heading', () => {
    const parsed = read(
      'Sam Lee\nB.S. Biology, University of Iowa, 2010 - 2014\nLab Technician, Quest Diagnostics, 2015 - 2018',
    )
    expect(parsed.employment.map((job) => job.title)).toEqual(['Lab Technician'])
  })
})

describe('the headline', () => {
  it('leaves out the short last line of a paragraph wrapped by hand, as a PDF that joins it shows', () => {
    const paragraph = [
      'ADV. NIKHIL MENON',
      'Practising advocate since 2017 in commercial, technology and IP matters before the High Court',
      'of Karnataka. Prior to law I worked for six years as a software developer, which is the reason most',
      'of my clients are technology companies, start ups and individual developers.',
      'Commercial litigation and arbitration',
      '',
      'EXPERIENCE',
      'Independent Practice / Counsel, Jan 2021 - present',
    ]
    expect(headlineOf(paragraph.join('\n'))).toEqual(['ADV. NIKHIL MENON', 'Commercial litigation and arbitration'])
    // Joined as a PDF reads it, the paragraph is one long line and no headline either.
    const joined = [paragraph[0], paragraph.slice(1, 4).join(' '), ...paragraph.slice(4)].join('\n')
    expect(headlineOf(joined)).toEqual(headlineOf(paragraph.join('\n')))
  })
})

describe('education level', () => {
  it.each([
    [['Ph.D. in Applied Mathematics, MIT'], 'doctorate'],
    [['MBA, Wharton'], 'master'],
    [['MS in Computer Science, Stanford University'], 'master'],
    [['Master of Science in Nursing (MSN)'], 'master'],
    [['BSN, University of Iowa'], 'bachelor'],
    [['B.A. in Communications'], 'bachelor'],
    [['Harvard University, Cambridge, MA'], 'none'],
    // Microsoft's products, not a Master of Science.
    [['B.Com, Pune University; MS Office, MS Excel'], 'bachelor'],
    [['Hiring MS SQL DBA with 5+ yrs exp'], 'none'],
    [['MS Computer Science, 2019'], 'master'],
    [['Bachelor of Arts', 'Boston, MA 02115'], 'bachelor'],
    [['Associate of Applied Science, Nursing'], 'associate'],
    [['High School Diploma, Lincoln High School'], 'high_school'],
    [['BA History', 'MA Economics', 'PhD candidate'], 'doctorate'],
    // Degrees as Indian, Nigerian and other Commonwealth resumes write them.
    [['Education Details June 2014 B.E Electronics and Communication Hyderabad'], 'bachelor'],
    [['B.E. Mechanical Engineering, Anna University'], 'bachelor'],
    [['B.C.A - Jain University, 2023 (CGPA 8.1)'], 'bachelor'],
    [['Education: BCA, University of Mysore, 2024'], 'bachelor'],
    [['LL.B (Hons), University of Lagos, 2016'], 'bachelor'],
    [['B.Pharm, Aryabhatta Knowledge University, 2015'], 'bachelor'],
    [['MBBS, Grant Medical College'], 'bachelor'],
    [['Education Details 2010 MCA Computer Applications Osmania University'], 'master'],
    [['M.Tech Computer Science, NIT Trichy, 2008'], 'master'],
    [['M.Com (Finance), University of Mumbai'], 'master'],
    [['M.E. Structural Engineering, COEP'], 'master'],
    [['PGDM (Marketing), XLRI'], 'master'],
    [['June 2012 HSC Science Pune Fergusson College'], 'high_school'],
    [['BA (Hons) Illustration, Falmouth University, 2018'], 'bachelor'],
    [['BE (ISE), NIE Mysore, 2021'], 'bachelor'],
    [['Laurea Magistrale in Ingegneria Informatica, Politecnico di Milano'], 'master'],
    [['Bacharelado em Ciencia da Computacao - Universidade Estadual'], 'bachelor'],
    [['Dr.-Ing. Mechanical Engineering, University of Stuttgart, 2013'], 'doctorate'],
    [['Driving licence: yes', 'Boston, MA (USA)'], 'none'],
    // Not degrees: an email at a one-letter domain, a verb, a skills list.
    [['Write to j.doe@m.com or see https://m.com', 'It would be. Everything else was fine'], 'none'],
    [['Skills: BMS commissioning, Excel, be a team player'], 'none'],
  ] as const)('%j → %s', (lines, level) => {
    expect(educationLevelOf(lines)).toBe(level)
  })
})

describe('contact and sections', () => {
  it('reads a heading set with its letters spaced out', () => {
    const parsed = read(
      [
        'Meera Khanna',
        'P R O F I L E',
        'Advocate at the Delhi High Court.',
        'W O R K   E X P E R I E N C E',
        'Associate, Khanna & Rao, 2014 - 2018',
        'S K I L L S   &   T O O L S',
        'Drafting, SCC Online',
      ].join('\n'),
    )
    expect(Object.keys(parsed.sections)).toEqual(['summary', 'experience', 'skills'])
    expect(parsed.sections.skills).toBe('Drafting, SCC Online')
  })

  it('reads name, email, phone and links from the top of the resume', () => {
    const parsed = read(
      [
        "JANE O'NEIL-SMITH",
        'Product Designer',
        'jane@studio.io • +44 20 7946 0958 • janeoneil.design',
        'linkedin.com/in/jane-oneil',
        'SUMMARY',
        'Designer. Portfolio at https://dribbble.com/jane.',
      ].join('\n'),
    )
    expect(parsed.contact).toEqual({
      name: "Jane O'Neil-Smith",
      email: 'jane@studio.io',
      phone: '+44 20 7946 0958',
      links: ['linkedin.com/in/jane-oneil', 'https://dribbble.com/jane'],
    })
  })

  it('takes the first whole address among words that hold an "@"', () => {
    expect(findEmail('Follow @jane_codes or mail <jane.doe@mail.example.org>; thanks')).toBe(
      'jane.doe@mail.example.org',
    )
    expect(findEmail('a@b, x(y@z) ann@studio.io|bob@studio.io')).toBe('ann@studio.io')
    // A word of two "@"s is tried once, as a word; a no-break space and a bullet end words too.
    expect(findEmail('user@@host.com\u00a0kim@lab.dev•lee@lab.dev')).toBe('kim@lab.dev')
    expect(findEmail(`${'x'.repeat(400)}@long.example.com ok@fine.io`)).toBe('ok@fine.io')
    expect(findEmail('no address here, only @ signs @ and @@')).toBeNull()
    expect(findEmail('@start.io is not one; end@tail.io')).toBe('end@tail.io')
  })

  it('reads a heading in capitals that runs on into its first line, and only a whole one', () => {
    const parsed = read(
      'RICARDO B. MENDOZA | Dot Net Developer | Cebu City | Work experience: 03/2019 – present (5 yrs) ' +
        'OBJECTIVE To grow as a developer. SKILLS C#, SQL Server, Git ' +
        'EXPERIENCE Software Developer - Visayas Logistics Inc. (03/2019 – present) • Built reports in C# ' +
        'EDUCATION BS Computer Engineering, 2018',
    )
    expect(parsed.sections.skills).toBe('C#, SQL Server, Git')
    expect(parsed.sections.summary).toBe('To grow as a developer.')
    expect(parsed.employment).toEqual([
      expect.objectContaining({ title: 'Software Developer', company: 'Visayas Logistics Inc.', start: '2019-03' }),
    ])
    // Capitals that only begin with a section's word are a title, not a heading.
    const titled = read(['Jane Doe', 'SOFTWARE ENGINEER at Acme, 2019 - 2021', 'Python, SQL'].join('\n'))
    expect(titled.sections.skills).toBeUndefined()
    expect(titled.employment[0]?.title).toMatch(/SOFTWARE ENGINEER/)
  })

  it('does not take a job portal heading for a name', () => {
    const parsed = read(
      ['Skills: Java, Spring, SQL', 'Education Details', 'B.E Computer Science, 2016', 'Company Details'].join('\n'),
    )
    expect(parsed.contact.name).toBeNull()
  })

  it.each([
    ['Olumide Bankole - Backend Java Engineer - Abuja, Nigeria - olumide@example.org', 'Olumide Bankole'],
    ['JOSE MIGUEL SANTOS - DevOps / Site Reliability Engineer - Makati City', 'Jose Miguel Santos'],
    ['Name - Karthik Subramanian karthik@example.com, Coimbatore  Objective - MBA fresher', 'Karthik Subramanian'],
    ['Name - Ahmed Bello | Location - Kano, Nigeria | Email - ahmed@example.com', 'Ahmed Bello'],
    ['Name: Lucas Ferreira Santos Email: lucas@example.org Location: Sao Paulo', 'Lucas Ferreira Santos'],
    ['Name - Sourav Chatterjee Email - sourav@example.com', 'Sourav Chatterjee'],
  ])('reads the name from a portal line of run-together fields: %s', (line, name) => {
    expect(read(`${line}\nSkills: Java, SQL`).contact.name).toBe(name)
  })

  it.each([
    ['# Ines Takahara-Moss\n**2D animator & illustrator**', 'Ines Takahara-Moss'],
    ['# Amara Nwosu-Halvorsen 🐍\n**Python / Django developer · Oslo**', 'Amara Nwosu-Halvorsen'],
    ['+------------------------+\n|  HENRIK SOLVANG        |\n|  Oracle DBA            |', 'Henrik Solvang'],
    ['##########################\n#  ANJALI MEHTA-RAO      #\n#  Blockchain Developer  #', 'Anjali Mehta-Rao'],
    ['Dr. Rhodri Ll. Pritchard-Evans  CEng FIET\nPrincipal Electrical Engineer', 'Rhodri Ll. Pritchard-Evans'],
    ['Gillian M. Hartwell  Chartered FCIPD\n14 Beechwood Close, Solihull', 'Gillian M. Hartwell'],
    [
      'TALENT PROFILE\nGenerated from: Workday  |  Worker: Sinéad Byrne-Okafor  |  Employee ID: 00418872',
      'Sinéad Byrne-Okafor',
    ],
    [
      'NORDLICHT TECH RECRUITING GMBH\nKandidat / Candidate  : Tomasz Wieczorek\nPosition : Platform Engineer',
      'Tomasz Wieczorek',
    ],
    ['JOHANNES (HANNES) PETRUS VAN DER MERWE  Pr Eng\nB.Sc (Eng) Electrical', 'Johannes Petrus Van Der Merwe'],
    [
      'StepStone — Lebenslauf (Profil)\n\nDipl.-Ing. (FH) Jürgen Pfannschmidt\nDesign Engineer (Konstrukteur)',
      'Jürgen Pfannschmidt',
    ],
    [
      'SAP SuccessFactors — Employee Profile\nModule: Talent Search Result\n\nName: Pieter-Jan Verhoeven\nPosition Title: Network Security Specialist',
      'Pieter-Jan Verhoeven',
    ],
    ['Subject: FW: CV\n\nDear Engr. Ngozi,\n\nTAMUNOTONYE BRIGGS\nElectrical Engineer', 'Tamunotonye Briggs'],
  ])('reads a name a plain-text resume sets apart, or follows with its letters: %j', (top, name) => {
    expect(read(`${top}\nSkills: Java, SQL`).contact.name).toBe(name)
  })

  it('reads a forwarded resume as the candidate’s, not the colleague’s who passed it on', () => {
    // Set O: one colleague forwarding two candidates' resumes gave both their own name, address and
    // phone from the outer headers and signature, and the two were taken for one person.
    const forwarded = (name: string, address: string, phone: string, job: string) =>
      [
        'From: Joel Fernandes <joel.fernandes@seaport.example>',
        'To: Nadia Farouk <nadia.farouk@techlink.example>',
        'Subject: Fwd: my CV',
        '',
        'Nadia, worth a call I think.',
        '',
        'Rgds',
        'Joel Fernandes',
        'Operations Manager - Warehousing',
        'Mob: +971 50 518 2336',
        '',
        '---------- Forwarded message ---------',
        `From: ${name} <${address}>`,
        'Date: Sat, 28 Nov 2026, 23:47',
        'Subject: my CV',
        'To: Joel Fernandes <joel.fernandes@seaport.example>',
        '',
        '> On Fri, 27 Nov 2026 Joel Fernandes wrote:',
        '> send me your CV',
        '',
        `${name.toUpperCase()} - Dubai - ${phone}`,
        '',
        `${job}, TechLink Distribution LLC, Dubai - 2021 to now`,
        'Sales Executive, Star Vision Electronics, Karama - 2018 to 2021',
      ].join('\n')
    const ryan = read(
      forwarded("Ryan D'Souza", 'ryan.dsouza@mail.example', '+971 56 518 2107', 'Key Account Manager'),
    ).contact
    const asha = read(forwarded('Asha Menon', 'asha.menon@mail.example', '+971 55 204 7781', 'Account Manager')).contact
    expect(ryan).toMatchObject({ name: "Ryan D'Souza", email: 'ryan.dsouza@mail.example', phone: '+971 56 518 2107' })
    expect(asha).toMatchObject({ name: 'Asha Menon', email: 'asha.menon@mail.example', phone: '+971 55 204 7781' })
    const keys = (contact: typeof ryan) => ({
      emailKey: emailKey(contact.email ?? ''),
      phoneKey: phoneKey(contact.phone ?? ''),
    })
    expect(samePersonBy(keys(ryan), keys(asha))).toBeNull()
  })

  it('names a forwarded resume by its sender when the resume itself gives no name', () => {
    const lines = [
      'From: Joel Fernandes <joel@seaport.example>',
      'Subject: Fwd: my CV',
      '',
      'From: "Ryan D\'Souza" <ryan.dsouza@mail.example>',
      'To: Joel Fernandes <joel@seaport.example>',
      '',
      'Key Account Manager, TechLink Distribution LLC, Dubai - 2021 to now',
    ]
    expect(forwardedMessage(lines)).toMatchObject({ bodyStart: 6, name: "Ryan D'Souza" })
    expect(read(lines.join('\n')).contact).toMatchObject({ name: "Ryan D'Souza", email: 'ryan.dsouza@mail.example' })
    expect(forwardedMessage(lines.slice(3))).toBeNull()
  })

  it('reads the name under a side column, from a form\'s name fields, after "Ing." and before a nickname', () => {
    // LinkedIn's "Save to PDF": contact, top skills and certifications first; the name over the headline.
    const linkedIn = [
      'Contact',
      'dilan.perera.dba@example.com',
      '',
      'Top Skills',
      'Oracle RAC',
      'Oracle Data Guard',
      '',
      'Certifications',
      'Oracle Database 19c Certified Professional (OCP)',
      '',
      'Dilan Perera',
      'Senior Database Administrator | Oracle 19c RAC, Data Guard | OCI',
      'Colombo, Western Province, Sri Lanka',
      '',
      'Summary',
      'Database administrator with 11 years of experience.',
    ].join('\n')
    expect(read(linkedIn).contact.name).toBe('Dilan Perera')
    const form = [
      'CANDIDATE APPLICATION - EXPORTED 14.02.2024',
      'Requisition: Area Sales Manager',
      'Surname: van Wyk',
      'First names: Lindiwe Charlotte',
      'Email: lindiwe@example.org',
    ].join('\n')
    expect(read(form).contact.name).toBe('Lindiwe Charlotte van Wyk')
    expect(read(form.replace(/^Surname.*\n/m, '')).contact.name).toBeNull()
    expect(read('ING. DIEGO ALEJANDRO HERNÁNDEZ RUIZ\nIngeniero Mecánico').contact.name).toBe(
      'Diego Alejandro Hernández Ruiz',
    )
    expect(read('Nguyễn Minh Khoa (Kevin)\nPython Backend Developer\nHo Chi Minh City, Vietnam').contact.name).toBe(
      'Nguyễn Minh Khoa',
    )
    expect(read('Job Application Export\nFull name: Chukwuemeka (Emeka) Obi-Adeyemi').contact.name).toBe(
      'Chukwuemeka Obi-Adeyemi',
    )
    expect(read('Online Application\nName of applicant: Adv. Meenakshi Raghunathan').contact.name).toBe(
      'Meenakshi Raghunathan',
    )
  })

  it('reads the name its e-mail address spells where a portal runs it into the next field', () => {
    const line =
      'Mahesh Gowda Site Engineer - Civil Mysuru, Karnataka mahesh.gowda@example.com +91 96320 18475 Skills * AutoCAD 2D'
    expect(read(line).contact.name).toBe('Mahesh Gowda')
    expect(read(line.replace('mahesh.gowda', 'suresh.kumar.nair')).contact.name).toBeNull()
    // A middle name between the address's two parts is the person's; a heading the address spells is no name.
    expect(read('Skills Rahul Kumar Tiwari Java, SQL rahul.tiwari@example.com').contact.name).toBe('Rahul Kumar Tiwari')
    expect(read('Resume Skills java, sql resume.skills@example.com').contact.name).toBeNull()
    // Whole words only, in any case, after a bracket or quote; a middle word, not two.
    const spelled = (top: string) => read(`${top} Site Engineer mahesh.gowda@example.com Skills * AutoCAD`).contact.name
    expect(spelled('(MAHESH GOWDA)')).toBe('Mahesh Gowda')
    expect(spelled('Mahesh K. Gowda')).toBe('Mahesh K. Gowda')
    expect(spelled('Amahesh Gowda')).toBeNull()
    expect(spelled('Mahesh Gowdas')).toBeNull()
    expect(spelled('Mahesh Kumar Raj Gowda')).toBeNull()
  })

  it('prefers the name the address spells to a later line the address does not, and drops letters after a name', () => {
    // A portal's skills list ran "Naukri RMS" onto a line of its own, above the first heading.
    const portal =
      'Priyanka Sharma HR Executive Noida, UP priyanka.sharma@example.com Skills * Onboarding * MS Office,\nNaukri RMS, greytHR\nEducation Details\n2017 MBA HR'
    expect(read(portal).contact.name).toBe('Priyanka Sharma')
    // The first line's name stands, whoever's address comes first (an actor's agent's).
    expect(
      read('Jonah Trelawney\nAgent: Priya Marlowe, priya.marlowe@example.com\nSkills: Stage combat').contact.name,
    ).toBe('Jonah Trelawney')
    expect(read('Ramesh Krishnan PMP\nramesh@example.com\nSkills: Scheduling').contact.name).toBe('Ramesh Krishnan')
    expect(read('Thomas Abernethy CEng MIStructE\nSkills: Eurocodes').contact.name).toBe('Thomas Abernethy')
    expect(read('PRIYA NAIR ABRAHAM\nSkills: Nursing').contact.name).toBe('Priya Nair Abraham')
    expect(read('Jean-Pierre MARTIN\nSkills: SQL').contact.name).toBe('Jean-Pierre Martin')
    const named: [string, string | null][] = [
      // A nickname is not a name, nor is the town on the next line.
      ['Shane "Shorty" McAllister — Shearer\nDubbo NSW | 0412 555 088', 'Shane McAllister'],
      ['Wojciech (Wojtek) Nowak\nSkills: Forklift', 'Wojciech Nowak'],
      // A surname's particle in lower case, and an initial beside four names.
      ['Pieter van der Meulen\nSenior .NET Developer', 'Pieter van der Meulen'],
      ['JOANNA MAE R. DELA CRUZ\nQA Analyst', 'Joanna Mae R. Dela Cruz'],
      ['Name: Ahmad bin Ismail Mobile: 012 345 6789', 'Ahmad bin Ismail'],
      // A courtesy or professional title before the name is not part of it.
      ['Eng. K. A. Dilshan Perera\nSkills: ETAP', 'K. A. Dilshan Perera'],
      ['Er. Bikash Raj Adhikari\nSkills: AutoCAD', 'Bikash Raj Adhikari'],
      ['DR. MEERA NAIR\nSkills: Python', 'Meera Nair'],
      ['Eng Wei Ling\nSkills: Python', 'Eng Wei Ling'],
      // A portal's one line may open with a section's name.
      ['Core Competencies • Oracle Database administration • RAC', null],
      // A particle does not open or close a name, nor do five names make one.
      ['van Meulen Pieter\nSkills: C#', null],
      ['Bachelor Of Science Physics Honours\nSkills: SQL', null],
    ]
    for (const [text, name] of named) expect(read(text).contact.name, text).toBe(name)
    // A cover letter before the resume: the name heads the resume, just above its first heading.
    const letter = [
      'Dear Hiring Manager,',
      ...Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1} of why I would suit the role.`),
      'Yours faithfully,',
      'WOJCIECH NOWAK',
      '14 Alder Close, Coventry · w.nowak@example.com',
      'PROFILE',
      'Warehouse shift lead.',
    ].join('\n')
    expect(read(letter).contact.name).toBe('Wojciech Nowak')
    // An agency's letterhead is no one's name; the profile's "Name:" is.
    expect(
      read('TALENTBRIDGE CONSULTING PVT. LTD. — CANDIDATE PROFILE\nName: Arvind Subramanian\nSkills: Maintenance')
        .contact.name,
    ).toBe('Arvind Subramanian')
  })

  it('reads a "Name:" label further down when the top names no one, but not a referee\'s', () => {
    const portal =
      'Technical Skills: Core Java, Spring Boot, Hibernate Skill Details JAVA- Exprience - 66 months Company Details company - Orbit Infotech description - Sep 2015 to Oct 2018. * Deployed on Tomcat server. Name: Aditya Kamat, aditya.kamat@example.com'
    expect(read(portal).contact.name).toBe('Aditya Kamat')
    const sentence = 'Skills: Site supervision, AutoCAD\nMember, NSE. Name: Oluwaseun Adekunle. Email: seun@example.org'
    expect(read(sentence).contact.name).toBe('Oluwaseun Adekunle')
    const referee = 'Skills: Nursing, Triage\nReferences\nName: Mary Jones, Ward Manager, St Luke’s'
    expect(read(referee).contact.name).toBeNull()
  })

  it.each([
    'Python- Exprience - 48 months Company Details company - Acme',
    'Hadoop Administrator - Summary: 7 years in IT',
    'Theatre Director | London',
    'Senior Network Security Architect',
    'Mechanical Engineering Pune | 2016',
    'Coastline Engineering Consultants - Site Engineer',
  ])('does not take a skill line, a job title, a school or a company for a name: %s', (line) => {
    expect(read(`${line}\nSkills: Java, SQL`).contact.name).toBeNull()
  })

  it('finds sections by their headings, inline ones included', () => {
    const parsed = read(
      [
        'Sam Lee',
        '## Professional Summary',
        'Nurse.',
        'WORK EXPERIENCE',
        'Nurse, Mercy, 2019 - Present',
        'Education:',
        'BSN',
        'Skills: BLS, ACLS',
        'Leadership',
        'Certifications',
        'CCRN',
      ].join('\n'),
    )
    expect(parsed.sections).toEqual({
      summary: 'Nurse.',
      experience: 'Nurse, Mercy, 2019 - Present',
      education: 'BSN',
      skills: 'BLS, ACLS\nLeadership',
      certifications: 'CCRN',
    })
  })
})

describe('skills and evidence', () => {
  it('gives each skill once, proven by a visible line, preferring a line from experience', () => {
    const parsed = read(
      [
        'Kim Lee',
        'SKILLS',
        'Python, k8s, Postgres',
        'EXPERIENCE',
        'Engineer, Foo Inc., 2020 - Present',
        '- Ran Python services on Kubernetes',
      ].join('\n'),
    )
    expect(parsed.skills).toEqual([
      { skillId: 'python', name: 'Python', evidence: '- Ran Python services on Kubernetes', section: 'experience' },
      {
        skillId: 'kubernetes',
        name: 'Kubernetes',
        evidence: '- Ran Python services on Kubernetes',
        section: 'experience',
      },
      { skillId: 'postgresql', name: 'PostgreSQL', evidence: 'Python, k8s, Postgres', section: 'skills' },
    ])
  })

  it('does not read "Less than" as the Less stylesheet language, but does read Less in a list', () => {
    const ids = (text: string) => read(text).skills.map((skill) => skill.skillId)
    expect(ids('Skill Details\nPython- Exprience - Less than 1 year months')).not.toContain('less')
    expect(ids('Skills: Sass, Less, CSS3')).toContain('less')
  })

  it('does not take a role the candidate worked with for their skill, but keeps their own role', () => {
    const ids = (text: string) =>
      read(`Kim Lee\nEXPERIENCE\nDeveloper, Foo Inc., 2020 - Present\n${text}`).skills.map((s) => s.skillId)
    // Someone else: the DBA, the product owner, the project manager the candidate worked with.
    expect(ids('- Performance tuned SQL Server queries with the DBA team')).not.toContain('database-administration')
    expect(ids('- wrote SSIS packages for nightly imports (with help from DBA)')).not.toContain(
      'database-administration',
    )
    expect(ids('- Supported the DBA during the SQL Server upgrade')).not.toContain('database-administration')
    expect(ids('- Groomed the backlog with the Product Owner')).not.toContain('product-management')
    expect(ids('- Daily progress report to project manager')).not.toContain('project-management')
    expect(ids('- Oracle 12c, wrote stored procs when DBA team was busy')).not.toContain('database-administration')
    // Their own: a role held, reached or led, or a qualification after "with".
    expect(ids('- Worked with Infosys as DBA for the billing platform')).toContain('database-administration')
    expect(ids('- 11 years in BPO (from agent to operations manager)')).toContain('operations-management')
    expect(ids('- Led the region with a team of 4 Area Sales Managers')).toContain('sales-management')
    expect(ids('- Scrum team lead with Scrum Master certification')).toContain('scrum')
    expect(ids('- Senior DBA for SQL Server 2019 estates')).toContain('database-administration')
    expect(ids('- Led the DBA team of a private bank')).toContain('database-administration')
    expect(ids('- Worked in the DBA team on Oracle RAC')).toContain('database-administration')
    // Wrapped by hand onto the next line, as a PDF would join it back.
    expect(ids('- Code reviews; support of UAT with business\n  analysts.')).not.toContain('business-analysis')
    // The resume's highlights agree: a role worked with is not highlighted as a skill.
    expect(highlightedIds('Tuned queries with the DBA team')).not.toContain('database-administration')
    expect(highlightedIds('Senior DBA, 2019 - Present')).toContain('database-administration')
  })

  it("does not take the roles a recruiter filled for the recruiter's own skills", () => {
    const ids = (text: string) =>
      read(`Kim Lee\nEXPERIENCE\nSenior Recruiter, Foo Inc., 2020 - Present\n${text}`).skills.map((s) => s.skillId)
    expect(ids('- I have hired field sales executives, often 40-60 positions a month')).not.toContain('field-sales')
    expect(ids('- Sourcing for Java, SAP ABAP and DevOps roles on Naukri')).not.toContain('java')
    expect(ids('- Recruited Python developers for two fintech clients')).not.toContain('python')
    // Their own: a team they built, or a skill with no role filled after it.
    expect(ids('- Hired and trained a field sales team of 40')).toContain('field-sales')
    expect(ids('- Field sales in Pune; hired for my own territory later')).toContain('field-sales')
    expect(ids('- Recruiting with Naukri and LinkedIn Recruiter')).toContain('naukri')
    // The resume's highlights agree.
    expect(highlightedIds('Hired field sales executives across Gujarat')).not.toContain('field-sales')
  })

  it('does not take a hobby for a skill offered for work, under a heading or after a label', () => {
    const ids = (text: string) => read(`Priya Rathore\nSKILLS\nSelenium, Java\n${text}`).skills.map((s) => s.skillId)
    expect(ids('HOBBIES\nSketching, badminton, listening to music')).not.toContain('fine-arts')
    expect(ids('Hobbies: watercolour painting, photography')).not.toContain('fine-arts')
    expect(ids('Hobbies & Interests\nPottery, trekking')).not.toContain('sculpture')
    // The next heading ends the hobbies; what is offered for work still counts.
    expect(ids('HOBBIES\nSketching\nEXPERIENCE\nArt teacher, 2019 - Present: watercolour, clay modelling')).toEqual(
      expect.arrayContaining(['fine-arts', 'sculpture', 'art-education']),
    )
    expect(ids('Interests: blockchain, smart contracts')).toContain('smart-contracts')
    expect(highlightedIds('SKILLS\nWatercolour\nHOBBIES\nSketching')).toEqual(['fine-arts'])
  })

  it('does not take the post applied for, or a company named for its trade, for a skill', () => {
    const ids = (text: string) => read(`Siobhan Callaghan\n${text}\nJob title: HR Advisor`).skills.map((s) => s.skillId)
    expect(ids('Vacancy: Field Sales Executive – Ref FS/0317')).not.toContain('field-sales')
    expect(ids('POST APPLIED FOR :- Field Sales Officer')).not.toContain('field-sales')
    expect(ids('Summary: ten years of field sales in Pune')).toContain('field-sales')
    expect(ids('Employer 1: Harcastle Ceramics Ltd')).not.toContain('sculpture')
    expect(ids('Skills: ceramics, pottery')).toContain('sculpture')
    expect(highlightedIds('Vacancy: Field Sales Executive\nSKILLS\nPayroll')).not.toContain('field-sales')
  })

  it('reads a training heading as courses, and a degree from a conservatoire or with honours', () => {
    const parsed = read(
      [
        'Rowan Ashcroft',
        'Scenic Artist',
        'EXPERIENCE',
        'Head Scenic Artist, Avon Rep, Jan 2016 - Present',
        'TRAINING',
        'BA (Hons) Scenic Arts, Royal West Conservatoire of Drama, 2010',
        'IPAF 3a/3b; COSHH awareness',
      ].join('\n'),
    )
    expect(parsed.educationLevel).toBe('bachelor')
    expect(parsed.sections.certifications).toContain('IPAF')
    expect(parsed.sections.skills).toBeUndefined()
    // A word in a list is not a heading unless written as one.
    expect(read('Jo Park\nSKILLS\nRecruitment\nTraining\nPayroll').sections.skills).toContain('Payroll')
  })

  it('never takes a skill or its evidence from hidden text', async () => {
    const hiddenFiles = (await buildHostileCases()).filter(
      (item) => 'format' in item.expect && item.expect.hidden?.length,
    )
    expect(hiddenFiles.length).toBeGreaterThanOrEqual(8)
    for (const item of hiddenFiles) {
      const outcome = await extractDocument(item.bytes, item.fileName)
      if (!outcome.ok) throw new Error(item.fileName)
      const parsed = readResume(outcome.document, taxonomy, { now: FIXTURE_NOW })
      const hiddenLines = outcome.document.hiddenText.split('\n')
      for (const skill of parsed.skills) {
        for (const hidden of hiddenLines)
          expect(skill.evidence, `${item.fileName}: ${skill.name}`).not.toContain(hidden)
      }
      // Skills named only in the hidden text are not found at all.
      const ids = parsed.skills.map((skill) => skill.skillId)
      expect(ids, item.fileName).not.toContain('haskell')
      if (item.fileName === 'hidden-runs.docx') expect(ids).not.toEqual(expect.arrayContaining(['pytorch']))
    }
  })
})

describe('the fixture resumes, end to end', () => {
  const alternate = (format: FixtureFormat): FixtureFormat => (format.startsWith('pdf') ? 'docx' : 'pdf')
  const runs = RESUME_PEOPLE.flatMap((person, index) => {
    const format = FORMAT_ROTATION[index % FORMAT_ROTATION.length]!
    return [
      { person, format },
      { person, format: alternate(format) },
    ]
  })

  it.each(runs.map((run) => ({ ...run, label: `${run.person.id} as ${run.format}` })))(
    '$label',
    async ({ person, format }) => {
      const resume = buildResume(person)
      const outcome = await extractDocument(
        await renderResume(resume, format),
        `${person.id}.${format === 'pdf-banner' ? 'pdf' : format}`,
      )
      if (!outcome.ok) throw new Error(outcome.refusal.message)
      const parsed: ParsedResume = readResume(outcome.document, taxonomy, { now: FIXTURE_NOW })
      const { expected } = resume
      expect(parsed.contact.name).toBe(expected.name)
      expect(parsed.contact.email).toBe(expected.email)
      expect(parsed.contact.phone).toBe(resume.phone)
      expect(parsed.currentTitle).toBe(expected.currentTitle)
      expect(parsed.educationLevel).toBe(expected.educationLevel)
      expect(parsed.employment.map((job) => job.company)).toEqual(resume.jobs.map((job) => job.company))
      expect(parsed.totalYears).toBe(format === 'json' ? totalYearsFor(resume.jobs, 'month-name') : expected.totalYears)
      expect(parsed.gaps).toHaveLength(expected.gapCount)
      expect(parsed.skills.map((skill) => skill.skillId)).toEqual(expect.arrayContaining(expected.skillIds))
      for (const skill of parsed.skills) expect(outcome.document.text).toContain(skill.evidence.replace(/…$/, ''))
    },
  )
})
