import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { extractDocument } from '@core/screening/extract'
import { CP1252_HIGH } from '@core/screening/extract/cp1252'
import { undoubled } from '@core/screening/extract/line-breaks'
import { readResume } from '@core/screening/read'
import { buildFeatures } from '@core/screening/scoring/features'
import { scoringJobOf } from '@core/screening/scoring/job-query'
import { scoreCandidate } from '@core/screening/scoring/score'
import { titleMatches } from '@core/screening/scoring/text-relevance'
import { loadTaxonomyFile, type Taxonomy } from '@core/screening/taxonomy'
import { DEFAULT_SCORE_WEIGHTS } from '@shared/contract/screening'
import {
  buildResume,
  FIXTURE_JOBS,
  FIXTURE_NOW,
  renderDocx,
  renderPdf,
  renderText,
  RESUME_PEOPLE,
  textToDocx,
  textToPdf,
  type ResumeContent,
} from '../../fixtures/resumes'
import { readingFeatures } from '../../helpers/reading-features'

let taxonomy: Taxonomy
beforeAll(async () => {
  taxonomy = await loadTaxonomyFile(path.resolve('resources/skills.json'))
})

// A paragraph the way .txt and .docx exports keep it: one line, far over 300 characters, naming
// skills only there. A PDF wraps it into short lines; every format must still find them.
const LONG_PARAGRAPH =
  'Beyond the roles below I have spent the last few years working closely with product, design and ' +
  'operations colleagues on shared tooling, weekly planning and release reviews, and in that work I ' +
  'use Git for version control, Jira for tracking the work of the team, SQL for the reports we send ' +
  'to leadership every month, and I keep our runbooks and onboarding notes current for new joiners.'
const LONG_SKILLS = ['Git', 'Jira', 'SQL']

type Format = 'txt' | 'docx' | 'pdf'

async function render(resume: ResumeContent, format: Format, extra: string[]): Promise<Uint8Array> {
  if (format === 'txt') return Buffer.from(renderText(resume, extra))
  if (format === 'docx') return renderDocx(resume, { visibleLines: extra })
  return renderPdf(resume, { visibleLines: extra })
}

/** What reading decides for the score: skills, years and education, and the score they give. */
async function readAs(resume: ResumeContent, format: Format, extra: string[]) {
  const outcome = await extractDocument(await render(resume, format, extra), `resume.${format}`)
  if (!outcome.ok) throw new Error(`${format}: ${outcome.refusal.message}`)
  const parsed = readResume(outcome.document, taxonomy, { now: FIXTURE_NOW })
  const features = buildFeatures(outcome.document, parsed)
  const fixture = FIXTURE_JOBS.find((job) => job.family === resume.person.family)!
  const skill = (skillId: string) => ({ skillId, name: taxonomy.byId(skillId)!.name, weight: 3 })
  // BM25 is left out: the renderers write different headings, which is layout, not reading.
  const job = scoringJobOf({
    title: fixture.title,
    description: fixture.description,
    requirements: '',
    requiredSkills: [...fixture.requiredSkills, ...LONG_SKILLS.map((name) => taxonomy.resolve(name)!.id)].map(skill),
    preferredSkills: fixture.preferredSkills.map(skill),
    minYears: fixture.minYears,
    educationLevel: 'master',
    weights: { ...DEFAULT_SCORE_WEIGHTS, text: 0 },
  })
  const skillIds = new Set(features.skillIds)
  return {
    // How much of the job title's role the resume claims (its headline and job titles).
    titleMatch: titleMatches([features.terms], job.title)[0],
    skills: [...skillIds].sort(),
    years: parsed.totalYears,
    basis: parsed.experience?.basis,
    education: parsed.educationLevel,
    score: scoreCandidate(job, { candidateId: 'c', ...features, skillIds }, 0).score,
  }
}

describe('the same resume reads the same as TXT, DOCX and PDF', () => {
  it.each(RESUME_PEOPLE.map((person) => [person.id, person] as const))('%s', async (_id, person) => {
    const resume = buildResume(person)
    for (const extra of [[], [LONG_PARAGRAPH]]) {
      const [txt, docx, pdf] = await Promise.all(
        (['txt', 'docx', 'pdf'] as const).map((format) => readAs(resume, format, extra)),
      )
      expect(docx, 'docx against txt').toEqual(txt)
      expect(pdf, 'pdf against txt').toEqual(txt)
      expect(txt!.skills).toEqual(expect.arrayContaining(resume.expected.skillIds))
      expect(txt!.years).toBe(resume.expected.totalYears)
      if (extra.length)
        expect(txt!.skills).toEqual(expect.arrayContaining(LONG_SKILLS.map((name) => taxonomy.resolve(name)!.id)))
    }
  })
})

describe('a section label a layout ran on from the line before', () => {
  // A PDF cannot show whether a paragraph that fills its last line goes on into the next line: the
  // reader must read "… UAT Experience: Business Analyst, Highveld (2021 - current) …" as it reads the
  // label at the start of its own line.
  const SET_C = path.resolve('tests/fixtures/ranking/set-c/resumes')
  const features = (text: string) =>
    readingFeatures({ format: 'txt', text, hiddenText: '', pages: 1, flags: [] }, taxonomy)

  it.each([
    ['c011.txt', 'Experience:'],
    ['c063.txt', 'Skills:'],
    ['c073.txt', 'EXPERIENCE'],
  ])('%s, at %s', async (file, label) => {
    const text = await readFile(path.join(SET_C, file), 'utf8')
    const lines = text.split('\n')
    const at = lines.findIndex((line, index) => index > 0 && line.startsWith(label))
    expect(at).toBeGreaterThan(0)
    const runOn = [...lines.slice(0, at - 1), `${lines[at - 1]} ${lines[at]}`, ...lines.slice(at + 1)].join('\n')
    expect(features(runOn)).toEqual(features(text))
  })
})

describe('the same text saved as PDF and DOCX', () => {
  // As a person saves a .txt from an editor: each line a Word paragraph; in the PDF, lines wrap at the
  // margin. Every format must give the reader the same lines, so that nothing depends on the wrapping.
  const TEXT = [
    'Nomvula Dlamini | nomvula.dlamini@example.com | Johannesburg',
    'Experience',
    'Business Analyst, Highveld Retail Holdings (2021 - current): gathered requirements from store operations, finance and supply chain for weekly performance reporting, defined thirty-five KPIs with single definitions across the group, wrote report specifications and data mappings for the BI team, and built the first versions of the dashboards in Power BI myself before handing them over',
    '• Ran user acceptance testing with regional managers and kept the change log for every release of the reporting suite across the group',
    'Reporting Analyst, Sandton Freight (2018 - 2021)',
    'Skills: SQL, Power BI, Excel, Jira, Confluence',
  ].join('\n')

  it.each(['pdf', 'docx'] as const)('as %s reads line for line as the .txt', async (format) => {
    const bytes = format === 'pdf' ? await textToPdf(TEXT) : await textToDocx(TEXT)
    const saved = await extractDocument(bytes, `cv.${format}`)
    const plain = await extractDocument(Buffer.from(TEXT), 'cv.txt')
    if (!saved.ok || !plain.ok) throw new Error('not read')
    expect(saved.document.text.split('\n')).toEqual(plain.document.text.split('\n'))
  })

  // Layouts where a wrapped line and a line ended by choice look alike at a glance. Each text's PDF
  // must read line for line as its .txt (blank lines aside: a page break leaves one).
  const PROSE =
    'Led the move of the ordering platform from a single server to three regions, planned the cut-over ' +
    'with the support and finance teams, wrote the runbooks for the night of the move and for the week ' +
    'after it, trained the on-call engineers, and kept the error budget within its limit through the ' +
    'whole quarter while the traffic of the busiest season doubled and the team grew from four to nine.'
  const shortLines = (count: number) => Array.from({ length: count }, (_, i) => `Reference note ${i + 1}`)
  const PORTAL = [
    'Skills * Python * Django * Django REST Framework * PostgreSQL * Redis * Celery * Docker * AWS EC2/S3',
    '* Git * Linux * Nginx Education Details May 2017 B.E Computer Science Bengal Institute of Technology',
    'Python Developer - Hoysala Web Technologies Skill Details PYTHON- Exprience - 60 months DJANGO-',
    'Exprience - 54 months REST API- Exprience - 48 months POSTGRESQL- Exprience - 42 months SOLIDWORKS-',
    'Exprience - 12 months Company Details company - Hoysala Web Technologies description - Jan 2018 to',
    'till date. TECHNICAL SKILLS: Languages: Python, SQL; Frameworks: Django, Flask; maintained the',
    'payroll exports; Project 1: Internal HRMS tool for a client * Leave and attendance module in Django',
    '* Deployment on AWS EC2 with Nginx + Gunicorn, docker compose * Coordinated with HR users for UAT',
  ].join(' ')
  const LAYOUTS: Record<string, string[]> = {
    // Set N's n031: the headline ends near the margin of a text wrapped by hand at 78 columns, and
    // the contact lines under it open in lower case.
    'contact fields under a headline that reached the margin': [
      'Siddharth R. Nambiar, Ph.D.',
      'Power Systems Engineer — Protection, Grid Studies & Substation Automation',
      ' s.nambiar@n3-cv.example | +91 94471 20583 | Thiruvananthapuram, Kerala',
      ' linkedin.com/in/sid-nambiar-power | ORCID 0000-0001-0000-0000',
      '',
      'Objective',
      'Power-systems researcher (Ph.D., IIT Madras) with hands-on experience in relay',
      'testing, substation commissioning and grid-integration studies for solar and',
      'wind plants. Seeking an electrical engineer role with a transmission utility,',
      'EPC contractor or consultancy where I can combine study work (load flow,',
      'short circuit, protection coordination) with site testing.',
    ],
    // Set O's o008: a line of two labelled contact fields reaches the margin; the place under it is its own.
    'a line of contact fields that reaches the margin, then the place': [
      'VENKATA SIVA KUMAR PODILI',
      'Sr. ETL Developer (Informatica PowerCenter / IICS) - 7.4 Yrs Exp - Data Warehousing & BI Reporting',
      'E-mail: vsk.podili@o2-inbox.example Mobile: +91 96394 30612',
      'Hyderabad, Telangana',
    ],
    'a paragraph that runs on to the next page': [...shortLines(50), PROSE, PROSE, 'Skills: SQL, Power BI'],
    "a last page of short lines, against the whole document's margin": [
      PROSE,
      ...shortLines(60),
      'CERTIFICATIONS',
      'Cloudera Certified Professional Data Engineer (CCP DE)',
      'Microsoft Certified: Azure Data Engineer Associate',
      'Databricks Certified Data Engineer Professional',
      'LANGUAGES',
      'English, Filipino, Cebuano',
    ],
    'text pasted from a portal: inline markers, labels, semicolons and capitals at a wrap': [PORTAL, PORTAL, PORTAL],
    'lines of labelled values, one reaching the margin, and a line of several labelled fields': [
      'Name: Wei Ling Tan | Email: weiling.tan@example.com | Location: Kuala Lumpur, Malaysia (open to Singapore) | Current role: Python Developer',
      'Automation: Selenium WebDriver/Grid, Playwright, Cypress, Appium, Rest Assured, Karate, pytest, JUnit5/TestNG',
      'Performance: Gatling, JMeter, k6',
      'CI/CD & infra: Jenkins, GitHub Actions, Docker, Kubernetes (test env), AWS (EC2, S3, Lambda), Terraform (basic)',
      'Languages: Java, Python, JavaScript/TypeScript, SQL, Groovy',
    ],
    'labelled values lined up with spaces before the colon, one reaching the margin': [
      'Technical Skills',
      'Automation   : Selenium WebDriver 4, Playwright, Appium 2, RestAssured, Cucumber, TestNG, JUnit 5',
      'Languages    : Java, TypeScript, basic Python',
      'CI/CD        : Jenkins, GitHub Actions, Docker, Selenium Grid, BrowserStack',
      'Others       : Git, Maven, JIRA, Xray, Allure reports, Postman, SQL, Page Object Model, data-driven design',
    ],
    "a job's bullet ending a sentence at the margin, then the next job's title": [
      'Senior Business Analyst',
      'Liffey Assurance DAC, Dublin | Sep 2021 – Present',
      '- Planned and supported UAT with 25 business testers; triaged defects with the product owners.',
      'Business Analyst',
      'Hibernia Direct Bank, Dublin | Jun 2018 – Aug 2021',
    ],
    'ligatures in the text': ['Skills: Conﬂuence, Jira, ﬁnancial modelling', 'Certiﬁcations: CCBA'],
    // The rule is one word wider than the page; each row's padded cells look like tab stops.
    'a table typed with pipes: a rule wider than the page, padded rows wrapped': [
      'PROJECT EXPERIENCE',
      `| Year      | Project${' '.repeat(41)}| Client / Employer${' '.repeat(13)}| Value      | Role${' '.repeat(26)}| Key responsibilities${' '.repeat(65)}|`,
      `|-----------|${'-'.repeat(49)}|${'-'.repeat(31)}|${'-'.repeat(12)}|${'-'.repeat(31)}|${'-'.repeat(87)}|`,
      '| 2022-2024 | 12-storey office tower, Victoria Island         | Ikoyi Bay Developers / Adeola Construct Ltd | NGN 18.5bn | Project Engineer      | Site management, piling and raft foundation supervision, concrete QA/QC, subcontractor coordination, progress reporting |',
      '| 2020-2022 | 7.2 km dual carriageway & drainage, Ogun State  | State Ministry of Works / Adeola Construct Ltd | NGN 9.8bn | Resident Engineer     | Earthworks, sub-base and asphalt supervision, culverts and side drains, material testing, IPC verification |',
      'Skills: AutoCAD, Primavera P6, MS Project',
    ],
    'a few lines wrapped by hand, short of the margin, each going on in lower case': [
      'Operations manager with 15 years in warehousing, distribution and',
      'e-commerce fulfilment. I run sites: people, safety, service',
      'levels and cost, for a multi-client 3PL centre of 320 staff.',
      'SKILLS',
      'WMS (Manhattan, SAP EWM), labour planning, KPI dashboards',
    ],
    // Typed on a phone: a paragraph opens in lower case, so no line in lower case goes on from another.
    'a text typed in lower case': [
      'hi, ops lead here, 6 yrs in bpo and retail fulfilment ops, open to day or night shifts in the city',
      '',
      'currently running night shift for a 3pl site near the airport',
      'kpi dashboards, wfm, hiring and coaching of team leads',
    ],
    "a section's name, in capitals or capitalised, under a line that reaches the margin": [
      'Client relationship & QBRs',
      'Power BI, Excel (advanced) • Run weekly business reviews and quarterly QBRs with client leadership',
      'EDUCATION',
      'BS Psychology, University of San Carlos, 2009; Lean Six Sigma Green Belt and COPC implementation',
      'Certifications',
      'COPC Implementation Leader (2019)',
    ],
    'a typed list whose items reach the margin': [
      'Highlights',
      '- Planned and supervised two plant turnarounds of 21 days each with contractors, without lost time injury',
      '- Root cause analysis of recurring seal failures in produced water pumps; seal plan changed, MTBF up',
      '- Raised and closed work orders in SAP PM; reviewed spare parts criticality with the stores team',
    ],
  }

  it.each(Object.entries(LAYOUTS))('%s', async (_name, lines) => {
    const text = lines.join('\n')
    const [pdf, plain] = await Promise.all([
      extractDocument(await textToPdf(text), 'cv.pdf'),
      extractDocument(Buffer.from(text), 'cv.txt'),
    ])
    if (!pdf.ok || !plain.ok) throw new Error('not read')
    const filled = (document: { text: string }) => document.text.split('\n').filter((line) => line.trim() !== '')
    expect(filled(pdf.document)).toEqual(filled(plain.document))
  })

  const jobsIn = async (bytes: Uint8Array, name: string) => {
    const outcome = await extractDocument(bytes, name)
    if (!outcome.ok) throw new Error(outcome.refusal.message)
    return readResume(outcome.document, taxonomy, { now: FIXTURE_NOW }).employment.map((job) => job.title)
  }

  it('reads labelled paragraphs as the text file does, where one ends a sentence at the margin', async () => {
    // "Currently: … nutrition coaching." fills its last line in the PDF, and "Before: …" follows it.
    const text = await readFile(path.resolve('tests/fixtures/ranking/set-k/resumes/k088.txt'), 'utf8')
    const plain = await jobsIn(Buffer.from(text), 'cv.txt')
    expect(plain).toEqual(['Self-employed PT', 'Gym Instructor → PT', 'ACA Chartered Accountant'])
    // The PDF's standard font draws the arrow as "?".
    expect(await jobsIn(await textToPdf(text), 'cv.pdf')).toEqual(plain.map((title) => title.replace('→', '?')))
  })

  it('reads an entry whose dates open its line as its own, though the entry above filled its last line', async () => {
    // "… 150+ projects." ends at the PDF's margin; "In-house designer, Adeola Prints (2022 – 2023): …" follows.
    const text = await readFile(path.resolve('tests/fixtures/ranking/set-b/resumes/b012.txt'), 'utf8')
    const plain = await jobsIn(Buffer.from(text), 'cv.txt')
    expect(plain).toEqual(['Freelance designer', 'In-house designer'])
    expect(await jobsIn(await textToPdf(text), 'cv.pdf')).toEqual(plain)
  })

  it('reads a job whose title ends one page and whose dates open the next as the text file does', async () => {
    // The renderer puts 55 lines on a page: the title is the last of the first, the dates the first of the second.
    const text = [
      'Priya Nair',
      'EXPERIENCE',
      ...shortLines(51),
      'Pragati Infraprojects Pvt Ltd',
      'Site Engineer',
      'July 2011 - February 2016 (4 years 8 months)',
      'Pune, Maharashtra, India',
    ].join('\n')
    const plain = await jobsIn(Buffer.from(text), 'cv.txt')
    expect(plain).toEqual(['Site Engineer'])
    expect(await jobsIn(await textToPdf(text), 'cv.pdf')).toEqual(plain)
  })

  // Wrapped by hand at about 46 characters, as text copied out of a two-column PDF is: a short line's
  // next word would not have fitted in the count, and the PDF joins such lines back into paragraphs
  // (the .txt keeps them), but a heading after one stays a line of its own.
  it('keeps a heading apart from a short line of a text wrapped by count', async () => {
    const text = [
      'Business development manager, 9 years in B2B',
      'sales of software and industrial services in',
      'the Nordics. Hunter profile: I build pipelines',
      'from scratch, run complex deals with several',
      'decision makers and close, mostly by phone.',
      'EXPERIENCE',
      'Business Development Manager, Nordics, 2020',
      'Fjordline Software AB (fleet management SaaS)',
      'SKILLS',
      'New business',
      'Solution selling',
      '• New logo acquisition in Sweden, Norway and',
      '  Denmark; ARR closed SEK 14M in 2023 (128%',
      '  of quota), with four resellers and a partner',
      'K E Y  A C H I E V E M E N T S',
      'Top seller of the region in 2021 and in 2022',
    ].join('\n')
    const pdf = await extractDocument(await textToPdf(text), 'cv.pdf')
    if (!pdf.ok) throw new Error('not read')
    const lines = pdf.document.text.split('\n')
    expect(lines).toEqual(expect.arrayContaining(['EXPERIENCE', 'SKILLS', 'K E Y A C H I E V E M E N T S']))
    expect(lines.filter((line) => line.endsWith('(fleet management SaaS)'))).toHaveLength(1)
  })

  it('keeps a running header apart from the paragraph the page before ended with', async () => {
    const header = 'Maria Santos - Curriculum Vitae - Page 1'
    const bytes = await textToPdf([...shortLines(45), PROSE, PROSE, PROSE].join('\n'), { header })
    const read = await extractDocument(bytes, 'cv.pdf')
    if (!read.ok) throw new Error('not read')
    expect(read.document.pages).toBe(2)
    const withHeader = read.document.text.split('\n').filter((line) => line.includes('Curriculum Vitae'))
    expect(withHeader).toEqual([header, header])
  })
})

describe('the same text file as other programs save it', () => {
  // Line ends and encodings are how a file was saved, not what it says: each of these must read as
  // the UTF-8 file with "\n" does. Windows-1252 only for files it can hold.
  const SAVED_AS: Record<string, (text: string) => Buffer | null> = {
    'CRLF line ends': (text) => Buffer.from(text.replace(/\n/g, '\r\n')),
    'old Mac CR line ends': (text) => Buffer.from(text.replace(/\n/g, '\r')),
    'CRLF written through a second conversion (CR CR LF)': (text) => Buffer.from(text.replace(/\n/g, '\r\r\n')),
    'Unicode line separators': (text) => Buffer.from(text.replace(/\n/g, '\u2028')),
    'a blank line after every line': (text) => Buffer.from(text.replace(/\n/g, '\n\n')),
    'UTF-8 with a byte-order mark': (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    'UTF-16 LE with CRLF': (text) =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]),
    'UTF-16 BE': (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    'Windows-1252 with CRLF': (text) => windows1252(text.replace(/\n/g, '\r\n')),
  }
  const BY_CHAR = new Map(Object.entries(CP1252_HIGH))
  function windows1252(text: string): Buffer | null {
    const bytes: number[] = []
    for (const char of text) {
      const code = BY_CHAR.get(char) ?? char.codePointAt(0)!
      const latin1 = code <= 0xff && (code < 0x80 || code > 0x9f)
      if (!BY_CHAR.has(char) && !latin1) return null
      bytes.push(code)
    }
    return Buffer.from(bytes)
  }
  async function features(bytes: Uint8Array) {
    const outcome = await extractDocument(bytes, 'cv.txt')
    if (!outcome.ok) throw new Error(outcome.refusal.message)
    return readingFeatures(outcome.document, taxonomy)
  }
  const SETS = ['set-b', 'set-c'].map((set) => path.resolve('tests/fixtures/ranking', set, 'resumes'))

  it.each(Object.keys(SAVED_AS))('%s', async (way) => {
    let compared = 0
    for (const folder of SETS)
      for (const file of (await readdir(folder)).filter((name) => name.endsWith('.txt'))) {
        const text = await readFile(path.join(folder, file), 'utf8')
        const saved = SAVED_AS[way]!(text)
        if (!saved) continue
        expect(await features(saved), file).toEqual(await features(Buffer.from(text)))
        compared += 1
      }
    expect(compared).toBeGreaterThan(200)
  })
})

describe('blank lines between all lines are taken back', () => {
  it.each([
    [
      'doubled',
      'Ana Ruiz\n\nData Analyst\n\n\n\nSkills\n\nSQL, Python',
      'Ana Ruiz\nData Analyst\n\nSkills\nSQL, Python',
    ],
    ['doubled twice', 'A\n\n\n\nB\n\n\n\n\n\n\n\nC\n\n\n\nD', 'A\nB\n\nC\nD'],
    ['every line spaced alike', 'A\n\nB\n\nC', 'A\nB\nC'],
    ['every line spaced alike, twice over', 'A\n\n\n\nB\n\n\n\nC', 'A\nB\nC'],
    ['a gap of two among single ones', 'A\n\nB\n\n\nC\n\nD', 'A\n\nB\n\n\nC\n\nD'],
    ['blocks spaced, lines touching', 'A\nB\n\nC\nD', 'A\nB\n\nC\nD'],
    ['two blank lines between blocks of lines that touch', 'A\nB\n\n\nC\nD', 'A\nB\n\n\nC\nD'],
    ['two lines are a note', 'A\n\nB', 'A\n\nB'],
  ])('%s', (_case, text, expected) => {
    expect(undoubled(text)).toBe(expected)
    expect(undoubled(expected)).toBe(expected)
  })
})
