/**
 * Non-resumes are refused (issue 13, finding 5: a recipe PDF was ranked as a person). The judge is
 * checked on a labeled set: tests/fixtures/non-resumes/not/ (documents that are not a person's
 * resume: recipes, invoices, code, letters, job postings, ...) and yes/ (hand-written messy resumes),
 * with every fixture person's resume, the ranking corpora's resumes (must all pass) and their job
 * descriptions (must all be refused). Then a recipe goes through the real parse path as PDF and DOCX.
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_EXTRACT_LIMITS } from '@core/screening/extract'
import { cleanText } from '@core/screening/extract/clean-text'
import { createParseHandler, type ParseHandler } from '@core/screening/parse-pool/handler'
import { judgeResumeLikeness } from '@core/screening/read/resume-likeness'
import { loadTaxonomyFile } from '@core/screening/taxonomy'
import {
  buildResume,
  FIXTURE_NOW,
  generatePeople,
  renderDocx,
  renderMarkdown,
  renderPdf,
  renderText,
  RESUME_PEOPLE,
  textToDocx,
  textToPdf,
} from '../../fixtures/resumes'

const LABELED = path.resolve('tests/fixtures/non-resumes')
const RANKING = path.resolve('tests/fixtures/ranking')

interface Labeled {
  name: string
  resume: boolean
  text: string
}

const readDir = (dir: string, resume: boolean, prefix: string): Labeled[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((file) => /\.(txt|md)$/.test(file))
        .sort()
        .map((file) => ({ name: `${prefix}/${file}`, resume, text: fs.readFileSync(path.join(dir, file), 'utf8') }))
    : []

/** The ranking corpora other sessions write (set-a, set-b, ...): whatever is there when the test runs. */
const rankingSets = () =>
  fs.existsSync(RANKING)
    ? fs
        .readdirSync(RANKING)
        .filter((set) => fs.statSync(path.join(RANKING, set)).isDirectory())
        .sort()
    : []

function fixturePeopleResumes(): Labeled[] {
  const people = RESUME_PEOPLE.map((person) => ({
    name: `fixture/${person.id}.txt`,
    resume: true,
    text: renderText(buildResume(person)),
  }))
  const generated = generatePeople(24).map((person) => ({
    name: `generated/${person.id}.md`,
    resume: true,
    text: renderMarkdown(buildResume(person)),
  }))
  return [...people, ...generated]
}

/**
 * Non-resumes of the batches written blind (the g-, h- and i- files) that the judge still lets through:
 * too few of their kind's phrases and no title naming it (bios, screening notes, an ID card's OCR, a
 * menu without dotted prices). The judge errs this way, never by refusing a resume. Listed so that a
 * change which lets another through, or catches one of these, shows here. One is let through on
 * purpose: a filled-in employment application form, which its writer labelled no resume, holds a
 * person's contact details and dated jobs as the applicant tracking system exports of set K do, and
 * refusing an applicant's own application loses a candidate.
 */
const KNOWN_MISSES = [
  'not/g-architecture-decision-record.txt',
  'not/g-passport-ocr-text.txt',
  'not/g-personal-blog-about-page.txt',
  'not/g-thesis-title-and-acknowledgements.txt',
  'not/h-about-us-team-page-scrape.txt',
  'not/h-company-newsletter.txt',
  'not/h-recruiter-phone-screen-notes.txt',
  'not/h-restaurant-menu.txt',
  'not/i-alumni-directory-page.txt',
  'not/i-board-of-directors-page.txt',
  'not/i-job-application-form.txt',
  'not/i-linkedin-new-role-post.txt',
  'not/i-national-id-card-ocr.txt',
  'not/i-performance-review.txt',
  'not/i-portfolio-case-study.txt',
  'not/i-recruiter-screening-notes.txt',
  'not/i-restaurant-menu.txt',
  'not/i-thesis-abstract-and-acknowledgements.txt',
  'not/i-university-personal-statement.txt',
  'not/j-linkedin-about.txt',
  'not/j-portfolio-project.txt',
]

/**
 * Postings of the ranking corpora the judge lets through: set I's, measured before any rule was made
 * on them (21 of 25 refused; 23 after the "must have" and "minimum of N years" signs). Each has two of
 * a posting's phrases where the judge wants three ("You'll need …", "Key responsibilities",
 * "Experience: 3–6 years") and no one's contact. Set J's came with 22 of 25 refused, 24 after the
 * "or a related discipline", "You bring", "a plus" without "is" and "8-12 years in …" signs; its
 * operations manager's posting is one paragraph of duties and a "Requirements:" line.
 */
const POSTINGS_LET_THROUGH = [
  'set-i/jobs/arts.md',
  'set-i/jobs/mechanical-engineer.md',
  'set-j/jobs/operations-manager.md',
]

/** Precision and recall of refusing: a refused non-resume is a true positive. */
function score(docs: readonly Labeled[]) {
  const judged = docs.map((doc) => ({ ...doc, judgement: judgeResumeLikeness(doc.text) }))
  const refused = judged.filter((doc) => !doc.judgement.resume)
  const truePositives = refused.filter((doc) => !doc.resume).length
  const nonResumes = judged.filter((doc) => !doc.resume).length
  const wrong = judged.filter((doc) => doc.judgement.resume !== doc.resume)
  const precision = refused.length ? truePositives / refused.length : 1
  const recall = nonResumes ? truePositives / nonResumes : 1
  const report = [
    `precision ${precision.toFixed(3)} (${truePositives} of ${refused.length} refused are non-resumes), ` +
      `recall ${recall.toFixed(3)} (${truePositives} of ${nonResumes} non-resumes refused), ` +
      `${judged.length - nonResumes} resumes`,
    ...wrong.map((doc) =>
      doc.resume ? `  resume refused: ${doc.name}: ${doc.judgement.message}` : `  non-resume let through: ${doc.name}`,
    ),
  ].join('\n')
  return { wrong, report, judged }
}

describe('judging whether a document is a resume', () => {
  const notResumes = readDir(path.join(LABELED, 'not'), false, 'not')
  const handWritten = readDir(path.join(LABELED, 'yes'), true, 'yes')

  it('has a labeled set of at least 30 non-resumes and 30 resumes', () => {
    expect(notResumes.length).toBeGreaterThanOrEqual(30)
    expect(handWritten.length + fixturePeopleResumes().length).toBeGreaterThanOrEqual(30)
    expect(handWritten.length).toBeGreaterThanOrEqual(15)
  })

  it('judges every labeled document right but the known misses (precision and recall of refusing in the message)', () => {
    const { wrong, report } = score([...notResumes, ...handWritten, ...fixturePeopleResumes()])
    expect(
      wrong.map((doc) => doc.name),
      report,
    ).toEqual(KNOWN_MISSES)
  })

  it('names what a refused document reads as, and what a resume would have', () => {
    const judged = (name: string) => judgeResumeLikeness(notResumes.find((doc) => doc.name === `not/${name}`)!.text)
    expect(judged('recipe-banana-bread.txt')).toMatchObject({ resume: false, kind: 'a recipe' })
    expect(judged('recipe-banana-bread.txt').message).toMatch(
      /^This reads as a recipe .*not a resume: it has no contact/,
    )
    expect(judged('job-posting-software-engineer.txt')).toMatchObject({ resume: false, kind: 'a job posting' })
    expect(judged('cover-letter.txt')).toMatchObject({ resume: false, kind: 'a letter' })
    expect(judged('invoice-consulting.txt')).toMatchObject({ resume: false, kind: 'an invoice or receipt' })
    expect(judged('source-code-python.txt')).toMatchObject({ resume: false, kind: 'source code' })
    expect(judged('poem.txt')).toMatchObject({ resume: false, kind: null })
    expect(judged('poem.txt').message).toMatch(/^This does not read as a resume/)
  })

  it('lets a resume through whatever else it mentions (a cover letter before it, a chef’s recipes, a lawyer’s leases)', () => {
    for (const name of ['cover-letter-then-resume.txt', 'chef.txt', 'lawyer.txt', 'recruiter.txt', 'accountant.txt'])
      expect(judgeResumeLikeness(handWritten.find((doc) => doc.name === `yes/${name}`)!.text), name).toMatchObject({
        resume: true,
        message: null,
      })
  })

  it('refuses a document whose top names another kind or an organisation, or lists many people; not a resume ending a line on such words', () => {
    const titled = judgeResumeLikeness(
      'WEEKLY TIMESHEET\nContractor: Jakub Nowak   Agency: Sterling Tech Ltd\nEmail: jakub.nowak@example.com\nMon 8.0 h\nTue 7.5 h',
    )
    expect(titled).toMatchObject({ resume: false, kind: 'a document titled “WEEKLY TIMESHEET”' })
    expect(titled.message).toMatch(
      /^This reads as a document titled “WEEKLY TIMESHEET”, not a resume: it has no resume sections/,
    )
    expect(judgeResumeLikeness('Project Status Report — HRIS (Report #11)\nPM: Ngozi Okafor\nRAG: Amber').resume).toBe(
      false,
    )
    // A job's kind, a testing style, a course's certificate, a list sentence: not a document's title.
    for (const top of [
      'Senior Java Developer – Contract',
      'QA Engineer – Manual',
      'Board resolutions, ESOP documentation, Series B closing checklist.',
      'Certified: Nutrition coaching certificate (online, 2021)',
      'Online Marketing Manager, 2017 – 2020 — SEA, newsletter',
    ])
      expect(
        judgeResumeLikeness(`Priya Raman\npriya.raman@example.com | +91 98450 12345\n${top}\nSkills: SQL, Python`)
          .resume,
        top,
      ).toBe(true)
    // An organisation's letter about someone, and a list of people, are not that person's resume.
    const letterhead = judgeResumeLikeness(
      'Harbourline Logistics Ltd\n12 Dock Road, Leeds\nhr@harbourline.example.com\n\nRe: Employment of Ms A. Okafor, Analyst, since 2019\nShe remains in our employment.',
    )
    expect(letterhead).toMatchObject({
      resume: false,
      kind: 'a document from an organisation (“Harbourline Logistics Ltd”)',
    })
    const people = ['ana', 'bo', 'cy', 'dee', 'eve'].map((name) => `${name} | QA Engineer | ${name}@example.com`)
    expect(judgeResumeLikeness(['Name | Role | Email', ...people].join('\n'))).toMatchObject({
      resume: false,
      kind: 'a list of people (5 e-mail addresses)',
    })
    // Someone told of in the third person, with no way to reach them and no resume heading: a tribute, a bio.
    const told =
      'After 38 years, Peggy Donnelly retires on Friday. She joined in 1986 as a wages clerk; her first ledger is framed. ' +
      'She ran payroll through three systems, and he who replaces her says her notes are legendary. We will miss her.'
    expect(judgeResumeLikeness(told)).toMatchObject({ resume: false, kind: 'an article about someone' })
    expect(judgeResumeLikeness(`${told}\npeggy.donnelly@example.com`).resume).toBe(true)
    // A cover letter titled as one, with the resume after it, is a resume.
    const withLetter = handWritten.find((doc) => doc.name === 'yes/g-cover-letter-then-resume.txt')!.text
    expect(judgeResumeLikeness(`Cover Letter\n\n${withLetter}`).resume).toBe(true)
  })

  it('refuses an e-mail, a guide, a filled-in template’s placeholders and a policy, but not a resume below an e-mail', () => {
    const email = [
      'From: Lena Marsh <lena.marsh@example.net>',
      'To: Tom Hadley <t.hadley@example.com>',
      'Subject: Candidate submission – Finance Controller – Gareth Pryce',
      '',
      'Hi Tom, please find attached Gareth’s CV. Current: Group Financial Controller since 2020.',
    ].join('\n')
    expect(judgeResumeLikeness(email).resume).toBe(false)
    const below = `${email}\n\nCURRICULUM VITAE\nGARETH PRYCE\nWORK EXPERIENCE\nGroup Financial Controller, 2020 – Present`
    expect(judgeResumeLikeness(below).resume).toBe(true)
    expect(
      judgeResumeLikeness(
        'Careers Service – Quick Guide\nHow to Write a Graduate CV\nKeep it to two pages.\nEducation\nList your degree.',
      ),
    ).toMatchObject({ resume: false, kind: 'a guide (“How to Write a Graduate CV”)' })
    const blanks = ['[YOUR FULL NAME]', '[City] | [Phone] | [email@example.com]', 'WORK EXPERIENCE']
    for (let i = 0; i < 3; i++) blanks.push('[Job Title] — [Company Name], [City]   [Year] – [Year]', '• [Skill]')
    expect(judgeResumeLikeness(blanks.join('\n')).kind).toBe('a blank form or template')
    for (const title of ['LEAVE POLICY', 'Fernhill Group Employee Handbook     Version 6.2', 'EXIT INTERVIEW RECORD'])
      expect(
        judgeResumeLikeness(`${title}\nEmployee: Martin Sokolov\n1. Purpose\nThis sets out the rules.`).resume,
        title,
      ).toBe(false)
  })

  it('lets an application form an applicant tracking system exported through: its dates are fields of their own', () => {
    const form = [
      'Application Form Export — Candidate Portal',
      'Vacancy: HR Business Partner – Ref HRBP/0317',
      'Email address: shiv.callaghan@example.org',
      'Employer 1: Harcastle Ceramics Ltd',
      'Job title: Senior HR Advisor',
      'Start date: 01.06.2019',
      'End date: Current',
      'Responsibilities: ER casework across 3 sites; your questions answered on pay and absence.',
      'Employer 2: Midlands Logistics Group',
      'Job title: HR Advisor',
      'Start date: 14.03.2016',
      'End date: 31.05.2019',
      'Current salary: £41,500',
      'SUPPORTING STATEMENT',
      'Q1. Please describe your experience of managing complex employee relations cases.',
      'I coach the line manager through the whole process.',
      'Q2. How would you build your relationship with a site leadership team?',
      'Q3. Is there anything else you would like us to know about your application?',
    ].join('\n')
    expect(judgeResumeLikeness(form)).toMatchObject({ resume: true, message: null })
    expect(judgeResumeLikeness(form.replace('Application Form Export', 'Quarterly Report')).resume).toBe(false)
  })

  it('lets a bare name and title through, and refuses a title alone', () => {
    expect(judgeResumeLikeness('Jordan Smith, Registered Nurse with BLS and ACLS').resume).toBe(true)
    expect(judgeResumeLikeness('Zoë Müller-Lüdenscheidt | Designer').resume).toBe(true)
    expect(judgeResumeLikeness('the manager said the match was close').resume).toBe(false)
  })

  it('counts a README resume’s pictograph headings and its dates joined by arrows, each alone enough to pass', () => {
    const readme = fs.readFileSync(path.join(LABELED, 'yes/n-github-readme-csharp-record.txt'), 'utf8')
    expect(readme).toMatch(/^### 🏢 Where I've worked$/m)
    expect(readme).toMatch(/2018 → 2021/)
    const headingsOnly = readme.replace(/\d{4} → (?:\d{4}|today)/g, '')
    const datesOnly = readme.replace(/^#+ .*$/gm, '')
    expect(judgeResumeLikeness(headingsOnly).resume).toBe(true)
    expect(judgeResumeLikeness(datesOnly).resume).toBe(true)
    // With neither, the code block is what it reads as.
    expect(judgeResumeLikeness(datesOnly.replace(/\d{4} → (?:\d{4}|today)/g, '')).resume).toBe(false)
  })

  it('lets every resume of the ranking corpora through and refuses every job description there but the listed', () => {
    const resumes = rankingSets().flatMap((set) => readDir(path.join(RANKING, set, 'resumes'), true, `${set}/resumes`))
    const jobs = rankingSets().flatMap((set) => readDir(path.join(RANKING, set, 'jobs'), false, `${set}/jobs`))
    const { wrong, report } = score([...resumes, ...jobs])
    expect(
      wrong.map((doc) => doc.name),
      report,
    ).toEqual(POSTINGS_LET_THROUGH)
  })

  it('lets every resume of the ranking corpora through when a Latin-1 font drew "?" for each character it lacks, as fpdf does', () => {
    // "✉ ana@…" → "? ana@…", a skill bar "●●●●○" → "?????", "Mar 2021 – Present" → "Mar 2021 ? Present".
    const latin1 = (text: string) => text.replace(/[^\n\t\x20-\x7E\xA0-\xFF]/gu, '?')
    const resumes = rankingSets().flatMap((set) => readDir(path.join(RANKING, set, 'resumes'), true, `${set}/resumes`))
    expect(resumes.filter((doc) => latin1(doc.text) !== doc.text).length).toBeGreaterThan(500)
    const { wrong, report } = score(resumes.map((doc) => ({ ...doc, text: cleanText(latin1(doc.text)) })))
    expect(wrong, report).toEqual([])
  })

  it('refuses a terse posting that never says "you" or "we": its asks, its range of years, who may apply', () => {
    const postings = [
      '# QA Engineer (Manual)\n\nNeed a manual tester, 2-4 yrs exp, for a banking app. JIRA and SQL is must; API testing is a plus. Graduates with ISTQB can also apply. Immediate joiners preferred.',
      '# Interior Designer\n\n**Location:** Kochi\n**Experience:** 3–6 years\n\n**Requirements**\n- AutoCAD and SketchUp\n- Site coordination\n\nAny graduate in design. Share your portfolio with your CV.',
      '# Accountant – Pune\n\nUrgent req. for Accountant, exp 2-4 yrs in Tally and GST. CTC 3-4.5 LPA. Walk-in Mon-Sat 10am-1pm, bring updated resume.',
      // Two lists and a floor of years, nothing else a posting says.
      '# Associate Consultant – .NET\n\nAcme Consulting · Noida\n\n**Must have**\n- C# and ASP.NET Core\n- Minimum of 3 years with SQL Server\n\n**Nice to have**\n- Azure Functions',
      // A hiring manager's post, in the first person, with its tags.
      '# We are hiring: ML Engineer | Pune\n\nMy team at Acme Analytics is growing! Looking for 2-4 yrs exp in Python and PyTorch.\nDM me or drop CV at jobs@example.com\n\n#hiring #mljobs #punejobs',
      // A degree "or a related discipline", a range of years "in" a trade, a list item "a plus", "You bring".
      '# Senior Java Developer\n\n**Experience:** 5-9 years\n\n## Requirements\n- B.E./B.Tech or MCA in Computer Science or a related discipline\n- Spring Boot, Kafka',
      '# Plant Maintenance Lead\n\nGraduate engineer with 6-10 years in process plant maintenance. SAP PM a plus. Willing to work in shifts.\n\nNice to have: CMRP',
      '# Electrical Design Engineer\n\nYou will prepare schematics in EPLAN.\n\n**You bring:**\n- 2-4 years in panel design\n- AutoCAD Electrical',
    ]
    for (const posting of postings) expect(judgeResumeLikeness(posting), posting).toMatchObject({ resume: false })
    // A resume may name the pay it expects as a range.
    const expecting =
      'Ravi Kumar | ravi.kumar@example.com | +91 98450 12345\nExperience\nAccountant, Acme Traders, Jan 2019 - Present\nExpected CTC: 8-10 LPA'
    expect(judgeResumeLikeness(expecting).resume).toBe(true)
    // A person who states their own experience and asks for nothing is still read as a resume.
    const terse =
      'Anil Verma | QA Engineer | anil.verma@example.com\nExperience: 4 years, manual and API testing (JIRA, SQL, Postman)'
    expect(judgeResumeLikeness(terse).resume).toBe(true)
    // Nor does a person's own range of years, or a plus point, make a posting of a resume.
    const own =
      'Meera Nair | meera.nair@example.com\nSummary\n8-10 years in retail banking operations; an MBA, a plus in branch audits.\nExperience\nBranch Manager, Acme Bank, 2016 - Present'
    expect(judgeResumeLikeness(own).resume).toBe(true)
  })

  it('judges a long document in bounded time', () => {
    const long = Array.from({ length: 400 }, (_, index) => renderText(buildResume(RESUME_PEOPLE[index % 36]!))).join(
      '\n',
    )
    const started = performance.now()
    expect(judgeResumeLikeness(long).resume).toBe(true)
    expect(judgeResumeLikeness('you '.repeat(200_000)).resume).toBe(false)
    expect(performance.now() - started).toBeLessThan(2_000)
  })
})

const RECIPE = fs.readFileSync(path.join(LABELED, 'not', 'recipe-banana-bread.txt'), 'utf8')

/** Text as a plain PDF: one drawn line per line, long lines wrapped as a word processor would. */
const recipePdf = () => textToPdf(RECIPE)
const recipeDocx = () => textToDocx(RECIPE)

describe('the parse path refuses a non-resume', () => {
  let handler: ParseHandler
  beforeAll(async () => {
    handler = createParseHandler((await loadTaxonomyFile(path.resolve('resources/skills.json'))).transfer)
  })
  const parse = (bytes: Uint8Array, fileName: string) =>
    handler.handle({
      type: 'parse',
      id: 1,
      bytes,
      fileName,
      limits: DEFAULT_EXTRACT_LIMITS,
      now: FIXTURE_NOW.getTime(),
    })

  it.each([
    ['PDF', 'banana-bread.pdf', recipePdf],
    ['DOCX', 'banana-bread.docx', recipeDocx],
    ['TXT', 'banana-bread.txt', async () => Buffer.from(RECIPE)],
  ])('a recipe as %s is refused as not a resume, saying it reads as a recipe', async (_format, fileName, render) => {
    const result = await parse(await render(), fileName)
    expect(result.outcome).toMatchObject({ ok: false, refusal: { reason: 'not_a_resume' } })
    if (result.outcome.ok) return
    expect(result.outcome.refusal.message).toMatch(/reads as a recipe/)
    expect(result.parsed).toBeUndefined()
  })

  it('a job posting as PDF is refused as not a resume', async () => {
    const posting = fs.readFileSync(path.join(LABELED, 'not', 'job-posting-software-engineer.txt'), 'utf8')
    const result = await parse(await textToPdf(posting), 'posting.pdf')
    expect(result.outcome).toMatchObject({ ok: false, refusal: { reason: 'not_a_resume' } })
    if (!result.outcome.ok) expect(result.outcome.refusal.message).toMatch(/reads as a job posting/)
  })

  it('judges every labeled document the same after a trip through PDF and DOCX extraction', async () => {
    const labeled = [
      ...readDir(path.join(LABELED, 'not'), false, 'not'),
      ...readDir(path.join(LABELED, 'yes'), true, 'yes'),
    ]
    const wrong: string[] = []
    for (const [index, doc] of labeled.entries()) {
      // Every document as PDF; every third one as DOCX too.
      const renders: [string, Uint8Array][] = [['pdf', await textToPdf(doc.text)]]
      if (index % 3 === 0) renders.push(['docx', await textToDocx(doc.text)])
      for (const [format, bytes] of renders) {
        const result = await parse(bytes, `doc.${format}`)
        const refused = !result.outcome.ok && result.outcome.refusal.reason === 'not_a_resume'
        if (refused === doc.resume && !KNOWN_MISSES.includes(doc.name))
          wrong.push(
            `${doc.name} as ${format}: ${result.outcome.ok ? 'read as a resume' : result.outcome.refusal.message}`,
          )
      }
    }
    expect(wrong).toEqual([])
  })

  it('fixture resumes as PDF, DOCX and TXT are still read', async () => {
    for (const [index, person] of RESUME_PEOPLE.slice(0, 6).entries()) {
      const resume = buildResume(person)
      const bytes =
        index % 3 === 0
          ? await renderPdf(resume)
          : index % 3 === 1
            ? await renderDocx(resume)
            : Buffer.from(renderText(resume))
      const result = await parse(bytes, `${person.id}.${['pdf', 'docx', 'txt'][index % 3]}`)
      expect(result.outcome.ok, result.outcome.ok ? '' : result.outcome.refusal.message).toBe(true)
      expect(result.parsed?.contact.email).toBe(resume.email)
    }
  })
})
