import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { jobSkillSchema, MAX_ALTERNATIVES } from '@shared/contract/screening'
import { educationRequirement } from '@core/screening/jobs/education-requirement'
import { parseJobMarkdown } from '@core/screening/jobs/job-markdown'
import { yearsAskedIn } from '@core/screening/jobs/posting-asks'
import { taxonomyCatalog } from '@core/screening/jobs/skill-catalog'
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
    ['Any graduate can apply', 'bachelor'],
    ['Graduate in any discipline; MBA in Marketing preferred', 'bachelor'],
    ['An MBA/PGDM in HR (any graduate with relevant experience can also apply)', 'bachelor'],
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
    expect(
      parseJobMarkdown('# PMO Analyst\nYou will track plans. Any graduate can apply.', taxonomy).educationLevel,
    ).toBe('bachelor')
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

describe('skills and years a job implies (no Required list)', () => {
  const ids = (skills: readonly { skillId: string }[]) => skills.map((s) => s.skillId)

  it('takes a range of years at its lower bound', () => {
    expect(parseJobMarkdown('# Sales lead\nYou bring 6-10 years of field sales.', taxonomy).minYears).toBe(6)
    expect(parseJobMarkdown('# Tester\nWe want 3 to 5 years of testing.', taxonomy).minYears).toBe(3)
    expect(parseJobMarkdown('# Engineer\nAt least 4+ years in Java.', taxonomy).minYears).toBe(4)
    expect(parseJobMarkdown('# Field Sales Executive\n1-3 yrs exp in field sales.', taxonomy).minYears).toBe(1)
    // Versions before the years are no range's lower end.
    expect(parseJobMarkdown('# Java Developer\n- Core Java 11/17 – 10+ yrs (concurrency)', taxonomy).minYears).toBe(10)
  })

  it('reads years written in words where they are asked for, not in passing', () => {
    expect(yearsAskedIn('We are looking for at least three years of business analysis experience.')).toBe(3)
    expect(yearsAskedIn('You probably have two to four years of professional software development.')).toBe(2)
    expect(yearsAskedIn('The right person has four or more years working on networks.')).toBe(4)
    expect(yearsAskedIn('We expect five years of experience in operations.')).toBe(5)
    expect(yearsAskedIn('We are replacing our billing systems over the next two years.')).toBeNull()
    expect(yearsAskedIn('An LL.B. (three-year or five-year integrated) is required.')).toBeNull()
    expect(yearsAskedIn('We are replacing it over the next two years. You bring 6+ yrs of Java.')).toBe(6)
    // A number in words written with a hyphen is one number, not a range: a firm's age in its "About us".
    expect(
      yearsAskedIn('A firm designing sites for twenty-two years. You have two to six years of site design experience.'),
    ).toBe(2)
    expect(parseJobMarkdown('# Sales\nYou have five or more years of FMCG sales.', taxonomy).minYears).toBe(5)
  })

  it('reads "good to have", "an added advantage" and "given preference" as what is preferred', () => {
    const job = parseJobMarkdown(
      [
        '# Software Engineer – Java',
        'Requirements',
        '- Strong core Java, Spring Boot',
        '',
        'Good to have: AWS, Docker/Kubernetes, experience with high traffic systems.',
        'Knowledge of Terraform is an added advantage. Jenkins certified candidates will be given preference.',
      ].join('\n'),
      taxonomy,
    )
    expect(ids(job.requiredSkills)).toEqual(['java', 'spring-boot'])
    expect(ids(job.preferredSkills)).toEqual(
      expect.arrayContaining(['amazon-web-services', 'docker', 'kubernetes', 'terraform', 'jenkins']),
    )
  })

  it('keeps a skill required where its own part of a sentence says so, though the rest says "a plus"', () => {
    const job = parseJobMarkdown(
      [
        '# Design Engineer',
        'Knowledge of AutoCAD is a must, and experience with Creo would be a plus.',
        'Knowledge of SolidWorks is needed, familiarity with Primavera is good to have.',
        'Jenkins, Docker and Terraform are a plus. GD&T is not required but a bonus.',
      ].join('\n'),
      taxonomy,
    )
    expect(ids(job.requiredSkills)).toEqual(expect.arrayContaining(['autocad', 'solidworks']))
    expect(ids(job.preferredSkills)).toEqual(
      expect.arrayContaining(['ptc-creo', 'primavera-p6', 'jenkins', 'docker', 'terraform', 'gdt']),
    )
  })

  it('reads skills named as alternatives as one skill with its alternatives, unless one is asked for alone', () => {
    const job = parseJobMarkdown(
      [
        '# UI Designer',
        'You design in Figma or Adobe XD and hand off to developers.',
        'Strong Java. APIs in Java or Kotlin, messaging with Kafka, or RabbitMQ.',
        'Playwright and/or Cypress would be a plus.',
      ].join('\n'),
      taxonomy,
    )
    const shown = (list: typeof job.requiredSkills) =>
      list.map((s) => [s.skillId, ...(s.alternatives ?? []).map((a) => a.skillId)].join(' or '))
    expect(shown(job.requiredSkills)).toEqual(
      expect.arrayContaining(['figma or adobe-xd', 'java', 'kotlin', 'apache-kafka or rabbitmq']),
    )
    expect(shown(job.preferredSkills)).toEqual(['playwright or cypress'])
    const listed = parseJobMarkdown('# Designer\nRequired: Figma or Adobe XD, HTML\nPreferred: Sketch', taxonomy)
    expect(shown(listed.requiredSkills)).toEqual(['figma or adobe-xd', 'html'])
  })

  it('keeps at most MAX_ALTERNATIVES alternatives, so the job saves as the form suggests it', () => {
    const tools = [
      'Figma',
      'Sketch',
      'Adobe XD',
      'InVision',
      'Photoshop',
      'Illustrator',
      'InDesign',
      'CorelDRAW',
      'Canva',
      'Zeplin',
      'Java',
    ]
    expect(tools.every((tool) => taxonomy.resolve(tool))).toBe(true)
    const text = `You design in ${tools.join(' or ')}.`
    const [suggested] = taxonomyCatalog(taxonomy).suggest('Designer', text)
    expect(suggested!.alternatives).toHaveLength(MAX_ALTERNATIVES)
    const job = parseJobMarkdown(`# Designer\nRequired: ${tools.join(' or ')}`, taxonomy)
    expect(job.requiredSkills[0]!.alternatives).toHaveLength(MAX_ALTERNATIVES)
    expect(jobSkillSchema.array().safeParse(job.requiredSkills).success).toBe(true)
  })

  it('reads a posting that names skills thousands of times on one line, as the contract lets one be', () => {
    const text = 'Java, Python or Go, '.repeat(2000).slice(0, 39_000) + ' is a plus'
    const suggested = taxonomyCatalog(taxonomy).suggest('Developer', text)
    expect(suggested.map((s) => [s.skillId, s.importance, s.alternatives?.map((a) => a.skillId)])).toEqual([
      ['java', 'preferred', undefined],
      ['python', 'preferred', ['go']],
    ])
  })

  it('asks for nothing a sentence about pay and perks names', () => {
    const job = parseJobMarkdown(
      [
        '# Site Engineer – Civil',
        'You will prepare BBS and check reinforcement. Knowledge of AutoCAD is needed.',
        'We offer a competitive salary, PF, ESI and accommodation. Salary as per industry standards plus mediclaim.',
        'The package includes housing allowance, medical insurance and end-of-service gratuity in line with Qatar Labour Law.',
      ].join('\n'),
      taxonomy,
    )
    const all = [...ids(job.requiredSkills), ...ids(job.preferredSkills)]
    expect(all).toEqual(expect.arrayContaining(['bar-bending-schedule', 'autocad']))
    expect(all).not.toContain(taxonomy.resolve('ESI')!.id)
    expect(all).not.toContain(taxonomy.resolve('Labour law')!.id)
    // A sentence that asks for pay and benefits work is not about the job's own pay.
    const hr = parseJobMarkdown(
      '# HR Executive\nCompensation and benefits administration, payroll processing and PF/ESIC compliance are required.',
      taxonomy,
    )
    expect(ids(hr.requiredSkills)).toEqual(expect.arrayContaining(['payroll', taxonomy.resolve('ESI')!.id]))
  })

  it('reads "would be nice" and a dash before "good to have" as what is preferred', () => {
    const job = parseJobMarkdown(
      '# Java Developer\n• 3-6 yrs in Core Java, Spring Boot\n• Kafka exposure would be nice\n• Docker/K8s – good to have',
      taxonomy,
    )
    expect(ids(job.requiredSkills)).toEqual(expect.arrayContaining(['java', 'spring-boot']))
    expect(ids(job.preferredSkills)).toEqual(expect.arrayContaining(['apache-kafka', 'docker', 'kubernetes']))
    expect(ids(job.requiredSkills)).not.toContain('docker')
    // A dash that goes on to more of the job keeps the skills before it required.
    const asked = parseJobMarkdown('# DevOps Engineer\n- Docker – daily work, Terraform a plus', taxonomy)
    expect(ids(asked.requiredSkills)).toContain('docker')
  })

  it('makes only the clause that says "preferred" preferred, not its whole line', () => {
    const job = parseJobMarkdown(
      '# Area Sales Manager\nRequirements:\n- Field sales experience with strong negotiation skills; an MBA in marketing preferred, Salesforce a plus',
      taxonomy,
    )
    expect(ids(job.requiredSkills)).toEqual(expect.arrayContaining(['field-sales', 'negotiation']))
    expect(ids(job.preferredSkills)).toContain('salesforce')
  })

  it('does not require what the opening paragraph says about the company', () => {
    const job = parseJobMarkdown(
      '# .NET Developer\nWe build medical billing software for hospitals.\n\nRequirements\n- C# and ASP.NET Core\n- SQL Server',
      taxonomy,
    )
    expect(ids(job.requiredSkills)).toEqual(expect.arrayContaining(['csharp', 'aspnet', 'microsoft-sql-server']))
    expect(ids(job.requiredSkills)).not.toContain('medical-billing')
    expect(ids(job.preferredSkills)).toContain('medical-billing')
  })

  it('reads one posting alike in the app’s job form and in a job.md: the title apart from the text', () => {
    const title = 'Software Engineer – Java'
    const text = [
      'Product company building supply chain software',
      'Location: Bengaluru (Hybrid) | Exp: 3-6 years',
      '',
      'Requirements',
      '- Spring Boot, Hibernate and Kafka',
      '',
      'Good to have: AWS, Docker.',
    ].join('\n')
    const job = parseJobMarkdown(`# ${title}\n\n${text}`, taxonomy)
    const suggested = taxonomyCatalog(taxonomy).suggest(title, text)
    const form = (importance: string) => suggested.filter((s) => s.importance === importance).map((s) => s.skillId)
    expect(form('required')).toEqual(ids(job.requiredSkills))
    expect(form('preferred')).toEqual(ids(job.preferredSkills))
    // The title's Java is required though the text never names it; the company line only sets the scene.
    expect(form('required')).toEqual(['java', 'spring-boot', 'hibernate', 'apache-kafka'])
    expect(form('preferred')).toEqual(
      expect.arrayContaining(['supply-chain-management', 'amazon-web-services', 'docker']),
    )
  })

  it('does not require what a prose posting opens by saying the employer is or does, nor what follows "preferably"', () => {
    const job = parseJobMarkdown(
      [
        '# Test Automation Engineer',
        '**Location:** Leeds',
        '',
        'Corvid Retail Technology builds the e-commerce platform behind fashion brands. We are hiring a Test Automation Engineer.',
        '',
        'You will write UI tests with Selenium and API tests in Java, preferably with Cypress too.',
      ].join('\n'),
      taxonomy,
    )
    expect(ids(job.requiredSkills)).toEqual(expect.arrayContaining(['selenium', 'java', 'test-automation']))
    expect(ids(job.requiredSkills)).not.toContain('e-commerce')
    expect(ids(job.requiredSkills)).not.toContain('cypress')
    expect(ids(job.preferredSkills)).toEqual(expect.arrayContaining(['e-commerce', 'cypress']))
    // A sentence that turns to the job, or a first line that asks for a skill, is the job.
    const asks = parseJobMarkdown('# Developer\nSenior Python Developer is required for our billing team.', taxonomy)
    expect(ids(asks.requiredSkills)).toContain('python')
  })

  it('requires what the title names even when the text only mentions it in passing', () => {
    const job = parseJobMarkdown('# Java Developer\nJoin our platform team.\n\nWhat you bring\n- Spring Boot', taxonomy)
    expect(ids(job.requiredSkills)).toEqual(expect.arrayContaining(['java', 'spring-boot']))
  })
})

describe('what a posting says about the employer', () => {
  const names = (skills: readonly { name: string }[]) => skills.map((skill) => skill.name)

  it('is context, not a requirement: a block under "About us", "About <name>" or "We offer"', () => {
    const job = parseJobMarkdown(
      [
        '# SAP ABAP Developer',
        '**Location:** Krakow, hybrid',
        '## About us',
        'We run SAP for finance, procurement, logistics and manufacturing in 18 countries.',
        '## Your tasks',
        '- Build CDS views and OData services in ABAP',
        '## About Vistula',
        'A shared services centre for a group that also runs Salesforce.',
        '## About the role',
        '- Tune SQL in custom code',
        '## We offer',
        '- Training in Python',
      ].join('\n'),
      taxonomy,
    )
    const required = names(job.requiredSkills)
    expect(required).toEqual(expect.arrayContaining(['ABAP', 'SQL']))
    for (const context of ['Procurement', 'Logistics', 'Manufacturing', 'Salesforce', 'Python'])
      expect(required).not.toContain(context)
  })

  it('is context on a line naming the company, and in an opening sentence past a line of facts', () => {
    const job = parseJobMarkdown(
      [
        '# QA Tester (Manual)',
        '**Company:** Swiftkart Logistics',
        'Infopark, Kochi | 1–3 years',
        '',
        'Bluewave builds hotel booking and property management software. Shreeji Foods manufactures home-care products.',
        '',
        'You will write test cases, log bugs in JIRA and check data with SQL.',
      ].join('\n'),
      taxonomy,
    )
    expect(names(job.requiredSkills)).toEqual(expect.arrayContaining(['Jira', 'SQL']))
    for (const context of ['Logistics', 'Real Estate', 'Home Health Care']) {
      expect(names(job.requiredSkills)).not.toContain(context)
      expect(names(job.preferredSkills)).toContain(context)
    }
  })

  it('is context in the opening sentence below the employer’s name on a line of its own', () => {
    const job = parseJobMarkdown(
      [
        '# Business Development Executive – B2B Sales',
        '',
        'Orbisteel Packaging Solutions Pvt Ltd',
        '',
        'Orbisteel supplies industrial packaging to FMCG and pharma manufacturers. We are expanding the field sales team.',
        '',
        'You will generate leads, prepare quotations and keep the CRM updated.',
      ].join('\n'),
      taxonomy,
    )
    expect(names(job.requiredSkills)).toEqual(expect.arrayContaining(['Customer Relationship Management']))
    expect(names(job.requiredSkills)).not.toContain('FMCG Sales')
    expect(names(job.preferredSkills)).toContain('FMCG Sales')
  })

  it('asks for what an opening sentence above the list asks for, and not what one about the employer names', () => {
    const job = parseJobMarkdown(
      [
        '# Test Engineer II - Automation',
        '',
        'Looking for 4+ yrs in test automation. We are a payments company (cards, switchgear billing).',
        '',
        '- Selenium WebDriver with Java',
        '- API automation using RestAssured',
      ].join('\n'),
      taxonomy,
    )
    expect(names(job.requiredSkills)).toEqual(expect.arrayContaining(['Test Automation', 'Selenium', 'Java']))
    expect(names(job.requiredSkills)).not.toContain('Switchgear')
  })

  it('asks for no skill that names a team the job works with, nor for what "What we offer" lists', () => {
    const job = parseJobMarkdown(
      [
        '# Site Engineer – Civil',
        '- Check reinforcement against drawings and prepare BBS',
        '- Coordinate with subcontractors, the consultant and the MEP team',
        '**What we offer:** ₹9–12 LPA plus PF, gratuity and mediclaim.',
      ].join('\n'),
      taxonomy,
    )
    const all = names([...job.requiredSkills, ...job.preferredSkills])
    expect(all).toContain('Bar Bending Schedule')
    expect(all).not.toContain('MEP Engineering')
    expect(all).not.toContain(taxonomy.resolve('ESI')!.name)
    // Joining or leading a team is the job's own work.
    const own = parseJobMarkdown('# QA Lead\nYou will lead the QA team and MEP coordination.', taxonomy)
    expect(names(own.requiredSkills)).toEqual(expect.arrayContaining(['Quality Assurance', 'MEP Engineering']))
  })

  it('asks for no skill named by the role of someone the job works with', () => {
    const job = parseJobMarkdown(
      [
        '# QA Engineer (Manual)',
        'You will log defects in Jira and sit in on story grooming with the devs and product owner.',
        'Coordinate with the Scrum Master on sprint dates.',
      ].join('\n'),
      taxonomy,
    )
    const all = names([...job.requiredSkills, ...job.preferredSkills])
    expect(all).toContain('Jira')
    expect(all).not.toContain('Product Management')
    expect(all).not.toContain('Scrum')
    // Being one is the job's own: "You are a Product Owner", "Scrum Master certification".
    const own = parseJobMarkdown('# Product Owner\nYou are a product owner with Scrum Master certification.', taxonomy)
    expect(names(own.requiredSkills)).toEqual(expect.arrayContaining(['Product Management', 'Scrum']))
  })

  it('leaves "Zephyr" to the test-management tool QA postings mean, not the real-time OS', () => {
    const job = parseJobMarkdown('# QA Engineer\n- Test management in Zephyr or TestRail\n- SQL', taxonomy)
    expect(names([...job.requiredSkills, ...job.preferredSkills])).not.toContain('Real-Time Operating Systems')
    const embedded = parseJobMarkdown('# Firmware Engineer\n- Drivers for Zephyr RTOS\n- C', taxonomy)
    expect(names(embedded.requiredSkills)).toContain('Real-Time Operating Systems')
  })

  it('starts a spoken language at weight 1 in the form, as in a job.md, and a trade’s skill at 3', () => {
    const catalog = taxonomyCatalog(taxonomy)
    const text = 'B2B field sales of water purifiers. Hindi must, basic English.'
    const weights = (skills: { name: string; weight: number }[]) =>
      Object.fromEntries(skills.map((skill) => [skill.name, skill.weight]))
    const inForm = weights(catalog.suggest('Field Sales Executive', text))
    expect(inForm).toEqual({ 'B2B Sales': 3, 'Field Sales': 3, Hindi: 1, English: 1 })
    expect(weights(parseJobMarkdown(`# Field Sales Executive\n${text}`, taxonomy).requiredSkills)).toEqual(inForm)
    expect(weights(catalog.search('Hindi', 1))).toEqual({ Hindi: 1 })
  })
})
