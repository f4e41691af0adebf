import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadTaxonomyFile, parseTaxonomy, TaxonomyError, type Taxonomy } from '@core/screening/taxonomy'

const SKILLS_FILE = path.resolve('resources/skills.json')
let taxonomy: Taxonomy

beforeAll(async () => {
  taxonomy = await loadTaxonomyFile(SKILLS_FILE)
})

const namesIn = (text: string) => taxonomy.findSkills(text).map((match) => match.name)

describe('the shipped taxonomy', () => {
  it('holds at least 500 skills with unique ids, names, aliases and known categories', () => {
    expect(taxonomy.skills.length).toBeGreaterThanOrEqual(500)
    expect(new Set(taxonomy.skills.map((skill) => skill.id)).size).toBe(taxonomy.skills.length)
    const categories = new Set(taxonomy.categories.map((category) => category.id))
    for (const skill of taxonomy.skills) {
      expect(skill.name.length).toBeGreaterThan(0)
      expect(categories.has(skill.category)).toBe(true)
    }
    expect(taxonomy.skills.filter((skill) => skill.aliases.length > 0).length).toBeGreaterThan(400)
  })

  it('covers job families beyond engineering with real depth', () => {
    const perCategory = new Map<string, number>()
    for (const skill of taxonomy.skills) perCategory.set(skill.category, (perCategory.get(skill.category) ?? 0) + 1)
    for (const category of [
      'healthcare',
      'sales',
      'marketing',
      'finance-accounting',
      'hr-people',
      'design',
      'soft-skills',
      'data-ml',
      'cloud-devops',
      'databases',
      'programming-languages',
    ]) {
      expect(perCategory.get(category) ?? 0, category).toBeGreaterThanOrEqual(20)
    }
  })

  it('relates skills that stand in for one another, not whatever shares a category', () => {
    const related = (id: string) => taxonomy.related(id)
    expect(related('test-automation')).toContain('selenium')
    expect(related('microsoft-azure')).toContain('amazon-web-services')
    expect(related('apache-hadoop')).toContain('apache-spark')
    // Same category, no stand-in: Git for Azure, Tableau for deep learning, medical billing for phlebotomy.
    expect(related('microsoft-azure')).not.toContain('git')
    expect(related('deep-learning')).not.toContain('tableau')
    expect(related('phlebotomy')).not.toContain('medical-billing')
    expect(related('etap')).not.toContain('catia')
    for (const language of ['java', 'python', 'javascript']) expect(related(language), language).toEqual([])
    // A trade's own tools stand in for its name: a firewall vendor for network security, a CDS view
    // for ABAP, RMAN for Oracle, a workout plan for personal training.
    expect(related('network-security')).toEqual(expect.arrayContaining(['fortinet', 'palo-alto-networks', 'vpn']))
    expect(related('abap')).toEqual(expect.arrayContaining(['abap-cds-views', 'sap-odata', 'sap-enhancements']))
    expect(related('oracle-database')).toEqual(expect.arrayContaining(['oracle-rman', 'oracle-data-guard']))
    expect(related('personal-training')).toEqual(expect.arrayContaining(['workout-programming', 'nutrition-planning']))
  })

  it('reads the tools of trades a recruiter screens for, not only their names', () => {
    expect(
      namesIn('Firewalls: Palo Alto, Fortinet, Check Point; BGP, OSPF, VLANs; IPsec VPN; CCNA, CCNP Security'),
    ).toEqual([
      'Network Security',
      'Palo Alto Networks',
      'Fortinet',
      'Check Point',
      'Routing Protocols',
      'Routing Protocols',
      'Network Switching',
      'VPN',
      'CCNA',
      'CCNP',
    ])
    expect(namesIn('Palo Alto and Fortinet firewalls')).toEqual(['Palo Alto Networks', 'Fortinet', 'Network Security'])
    expect(namesIn('CDS views, OData services, ALV reports, Smartforms, user exits and BAdIs, IDocs')).toEqual([
      'CDS Views',
      'OData',
      'ALV Reports',
      'SAP Smartforms',
      'SAP Enhancements',
      'SAP Enhancements',
      'IDocs',
    ])
    expect(namesIn('RMAN backups, Data Guard, RAC, AWR')).toEqual([
      'RMAN',
      'Oracle Data Guard',
      'Oracle RAC',
      'AWR Reports',
    ])
    expect(namesIn('SCD Type 2 loads in Informatica scheduled through Control-M')).toEqual([
      'Slowly Changing Dimensions',
      'Informatica',
      'Control-M',
    ])
    expect(namesIn('Regression testing, UAT support, STLC, ISTQB Foundation Level')).toEqual([
      'Regression Testing',
      'User Acceptance Testing',
      'Software Testing Life Cycle',
      'ISTQB Certification',
    ])
    expect(namesIn('Plan workouts and basic diet for members')).toEqual(['Workout Programming', 'Nutrition Planning'])
  })
})

describe('aliases', () => {
  it.each([
    ['JS', 'JavaScript'],
    ['k8s', 'Kubernetes'],
    ['K8s', 'Kubernetes'],
    ['Postgres', 'PostgreSQL'],
    ['golang', 'Go'],
    ['ML', 'Machine Learning'],
    ['TS', 'TypeScript'],
    ['sklearn', 'scikit-learn'],
    ['EHR', 'Electronic Health Records'],
    ['SFDC', 'Salesforce'],
    ['FP&A', 'FP&A'],
    ['GCP', 'Google Cloud Platform'],
    ['Labor & Delivery', 'Labor and Delivery'],
    ['Tally ERP 9', 'Tally ERP'],
    ['PF/ESIC', 'PF and ESIC Compliance'],
    ['BBS', 'Bar Bending Schedule'],
    ['STAAD.Pro', 'STAAD Pro'],
    ['GD&T', 'Geometric Dimensioning and Tolerancing'],
    ['SAP MM', 'SAP MM'],
    ['SSIS', 'SSIS'],
    ['Electrical & Electronics Engineering', 'Electrical Engineering'],
    ['Electrical/Electronic Engineering', 'Electrical Engineering'],
    ['EEE', 'Electrical Engineering'],
    ['AWS EMR', 'Amazon EMR'],
    // A role's title is evidence of its trade.
    ['Operations Manager', 'Operations Management'],
    ['Business Analyst', 'Business Analysis'],
    ['Site Engineer', 'Civil Engineering'],
    ['Automation Tester', 'Test Automation'],
    ['Mechanical & Automobile Engineering', 'Mechanical Engineering'],
  ])('%s is %s', (written, name) => {
    expect(namesIn(`Experience with ${written} every day`)).toContain(name)
    expect(taxonomy.resolve(written)?.name).toBe(name)
  })

  it("reads an artist's and a performer's craft, not a drama series or an operation theatre", () => {
    expect(namesIn('Classical dance: Bharatanatyam, Kathak; choreography for the annual day')).toEqual([
      'Dance',
      'Dance',
      'Dance',
      'Dance',
    ])
    expect(namesIn('Clay modelling, pottery and landscape painting for Grades 5-8')).toEqual([
      'Sculpture',
      'Sculpture',
      'Fine Arts',
    ])
    expect(namesIn('BA (Hons) Scenic Arts; scenic painting for opera and theatre production')).toEqual([
      'Fine Arts',
      'Fine Arts',
      'Theatre Arts',
    ])
    expect(namesIn('Carnatic vocal, Hindustani classical')).toEqual(['Vocal Music', 'Vocal Music'])
    expect(namesIn('Scenic Painter on a period drama series')).toEqual([])
    expect(namesIn('Staff nurse, operation theatre and recovery')).not.toContain('Theatre Arts')
    // The arts stand in for one another a little: a dancer for an art teacher's post, and back.
    expect(taxonomy.related('dance')).toEqual(expect.arrayContaining(['fine-arts', 'art-education']))
  })

  it('resolves names typed by a recruiter regardless of case', () => {
    expect(taxonomy.resolve('js')?.id).toBe('javascript')
    expect(taxonomy.resolve('POSTGRES')?.id).toBe('postgresql')
    expect(taxonomy.resolve('no such skill')).toBeUndefined()
  })
})

describe('matching', () => {
  it('tells C, C++, C#, .NET, Node.js and F# apart', () => {
    expect(namesIn('Languages: C, C++, C#, F#, .NET, Node.js')).toEqual(['C', 'C++', 'C#', 'F#', '.NET', 'Node.js'])
    expect(namesIn('Built ASP.NET Core services')).toEqual(['ASP.NET'])
  })

  it('finds multi-word skills whichever way they are hyphenated', () => {
    expect(namesIn('machine-learning and deep learning with scikit-learn')).toEqual([
      'Machine Learning',
      'Deep Learning',
      'scikit-learn',
    ])
    expect(namesIn('Spring Boot and Spring, CI/CD')).toEqual(['Spring Boot', 'Spring', 'CI/CD'])
  })

  it('reads "mgmt" as management', () => {
    expect(namesIn('Vendor Mgmt, risk mgmt and stakeholder mgmnt')).toEqual([
      'Vendor Management',
      'Risk Management',
      'Stakeholder Management',
    ])
  })

  it('finds a name of two or more words in the plural, and no one-word name', () => {
    expect(namesIn('Grew dealer networks and wrote sales strategies')).toEqual([
      'Distributor Management',
      'Sales Strategy',
    ])
    expect(namesIn('Chartered accountants and personal trainers')).toEqual([
      'Chartered Accountant',
      'Personal Training',
    ])
    expect(namesIn('Hot springs, two chefs and the excels')).toEqual([])
  })

  it('does not read ordinary words as skills', () => {
    expect(namesIn('Go to market plan for the region')).toEqual(['Go-to-Market Strategy'])
    expect(namesIn('Ready to go live next week')).toEqual([])
    expect(namesIn('Administered 10 ml of saline')).toEqual([])
    expect(namesIn('Presented to C-suite executives')).toEqual([])
    expect(namesIn('Led the R&D team at AT&T')).toEqual([])
    expect(namesIn('Spring 2019 internship')).toEqual([])
    expect(namesIn('Worked as a chef at a restaurant')).toEqual([])
    expect(namesIn('Excel at building relationships')).toEqual(['Relationship Building'])
    expect(namesIn('Volunteer at American Express')).toEqual([])
    expect(namesIn('Helped tally the votes')).toEqual([])
    expect(namesIn('Inventor of two patents')).toEqual(['Intellectual Property'])
    expect(namesIn('Senior Member, IEEE')).toEqual([])
    // A town, a floor, a soft drink, an audit and a forest officer share a name with a skill.
    expect(namesIn('Palo Alto, CA 94301')).toEqual([])
    expect(namesIn('Kirloskar Foundry, Pune')).toEqual([])
    expect(namesIn('Sold 10 SD cards')).toEqual([])
    // A rule's run of words reads as the text's words do: "e-commerce" after B2B is a market, not selling.
    expect(namesIn('A B2B e-commerce platform')).toEqual(['E-commerce'])
    // A power engineer's transfer switch, a city, a licence's renewal and a contract type, each beside other skills.
    expect(namesIn('Switchgear, transformers, UPS, ATS/STS and busway')).not.toContain('Applicant Tracking Systems')
    expect(namesIn('Offices in Denver and Phoenix. We design MEP for data centers.')).not.toContain('Phoenix Framework')
    expect(namesIn('Exam fees and license renewals')).toEqual([])
    expect(namesIn('B2B: 14 000 PLN net/month')).toEqual([])
    // An electrical engineer on site is no civil engineer; a gas-insulated substation's bays are no map.
    expect(namesIn('Electrical Site Engineer – Nile Delta Power Engineering')).toEqual(['Electrical Engineering'])
    expect(namesIn('Site Engineer – Fazal Builders')).toEqual(['Civil Engineering'])
    expect(namesIn('Supervise installation of GIS bays and switchgear')).not.toContain('Geographic Information Systems')
    expect(namesIn('HV/MV substations (GIS & AIS)')).not.toContain('Geographic Information Systems')
    expect(namesIn('Flood maps in GIS (ArcGIS Pro)')).toContain('Geographic Information Systems')
    // A municipal engineer's roads and pipes: a road's rehabilitation is no physiotherapy.
    expect(namesIn('Delivered the annual road rehabilitation program')).toEqual(['Highway Engineering'])
    expect(namesIn('Stormwater management reports and pond designs (PCSWMM)')).toContain(
      'Water and Wastewater Engineering',
    )
    expect(namesIn('Post-stroke rehabilitation and gait training')).toContain('Physical Therapy')
    // A tester's triage is of defects, an analyst's of alerts; a nurse's is of patients.
    expect(namesIn('Ran the daily defect triage with developers')).toEqual(['Defect Tracking'])
    expect(namesIn('Alert triage in the SIEM')).toContain('Incident Response')
    expect(namesIn('Patient triage in the emergency department')).toContain('Triage')
    expect(namesIn('Tools: Workday, ATS/HRIS')).toContain('Applicant Tracking Systems')
    expect(namesIn('Elixir, Phoenix, Ecto')).toContain('Phoenix Framework')
    expect(namesIn('Own renewals and upsell for 40 accounts')).toContain('Customer Retention')
    expect(namesIn('rest assured, we will call')).toEqual([])
    expect(namesIn('Laid parquet flooring in 40 villas')).toEqual([])
    expect(namesIn('Diet Coke promotion in 200 outlets')).toEqual([])
    expect(namesIn('SOC 2 Type II audit evidence')).toEqual(['SOC 2'])
    expect(namesIn('Forest Ranger, Karnataka Forest Department')).toEqual([])
    expect(namesIn('Met the CDS team on Monday')).toEqual([])
    expect(namesIn('As the protocol in RFC 7231 says')).toEqual([])
    expect(namesIn('Juniper berries in the house gin')).toEqual([])
    expect(namesIn('A polygon mesh of the bracket')).toEqual([])
    // A platform tested or supported is no development of it; building for it is.
    expect(namesIn('Regression before web and Android releases, on Android devices and iOS devices')).toEqual([])
    // Nor is a pair of them: the pair's last word says what both are.
    expect(namesIn('Smoke checks on web and Android/iOS builds, and on Android or iOS devices')).toEqual([
      'Smoke Testing',
    ])
    expect(namesIn('Built Android and iOS apps in Kotlin and Swift')).toEqual(
      expect.arrayContaining(['Android Development', 'iOS Development']),
    )
    // A posting's "send your CV" is no computer vision, a "B2B SaaS platform" no B2B selling, a
    // "consulting firm" no management consulting.
    expect(namesIn('Share your CV with current CTC')).toEqual([])
    expect(namesIn('A small team building a B2B SaaS platform')).toEqual([])
    expect(namesIn('B2B and B2C selling')).toEqual(['B2B Sales', 'B2C Sales'])
    expect(namesIn('Client: Big 4 consulting firm')).toEqual([])
    // A school's boards are no bank's: "CBSE/IB art curriculum".
    expect(namesIn('Good to have: experience with CBSE/IB art curriculum, digital illustration')).toEqual([
      'CBSE Curriculum',
      'Illustration',
    ])
    expect(namesIn('Equity research, IB, M&A')).toContain('Investment Banking')
    // "Human Resource Management" is one skill, not "Resource Management" after a stray word.
    expect(namesIn('MBA (Human Resource Management), 2019')).toEqual(['Human Resources Management'])
    // An industry is not a trade: a data scientist's retail bank, an engineer's FMCG plant.
    expect(namesIn('Worked for a retail bank')).toEqual([])
    expect(namesIn('Process automation for pharma and FMCG plants')).toEqual([])
    expect(namesIn('Skills: FMCG, dealer management, store sales')).toEqual([
      'FMCG Sales',
      'Distributor Management',
      'Retail Sales',
    ])
  })

  it('tells UI tests from UI design, and the IB Diploma from investment banking', () => {
    expect(namesIn('Wrote UI tests with Selenium and fixed UI bugs')).toEqual(['UI Testing', 'Selenium'])
    expect(namesIn('UI design in Figma; UI, UX and branding')).toEqual([
      'UI Design',
      'Figma',
      'UI Design',
      'UX Design',
      'Brand Identity',
    ])
    expect(namesIn('Taught IGCSE Art and the IB Diploma Visual Arts course')).toEqual(['IGCSE'])
    expect(namesIn('Analyst, IB, M&A and equity research')).toEqual(expect.arrayContaining(['Investment Banking']))
  })

  it("tells a project's RAG status (red, amber, green) from retrieval-augmented generation", () => {
    expect(namesIn('Consolidate RAG reports and validate RAG status for the steering committee')).not.toContain(
      'Retrieval-Augmented Generation',
    )
    expect(namesIn('LLM fine-tuning (LoRA), RAG, sentence embeddings')).toContain('Retrieval-Augmented Generation')
    expect(namesIn('Built a RAG prototype over 20k internal policies')).toContain('Retrieval-Augmented Generation')
  })

  it('counts ambiguous names in a list or beside other skills', () => {
    expect(namesIn('Languages: Go, R, Julia')).toEqual(['Go', 'R', 'Julia'])
    expect(namesIn('Built services in Go and Python')).toEqual(['Go', 'Python'])
    expect(namesIn('Statistics in R and SQL')).toEqual(['Statistics', 'R', 'SQL'])
    // A letter is a skill beside one, not merely on its line; a longer name is on its line.
    expect(
      namesIn(
        'We make accounts-payable software and just closed our Series C and are building out our team in Austin.',
      ),
    ).toEqual(['Accounts Payable'])
    expect(namesIn('Scored a grade C in the final year exams, and later wrote a thesis on Python')).toEqual(['Python'])
    expect(namesIn('Firmware in C for the controller boards')).toEqual(['Firmware', 'C'])
    expect(namesIn('Field sales for FMCG distribution, two wheeler mandatory, reporting to ASM.')).not.toContain(
      'Assembly Language',
    )
    // In a list of technologies "ASM" is Oracle's storage manager (or F5's firewall) more often than assembly.
    expect(namesIn('Oracle 11g/12c/19c, RAC, ASM, Data Guard (physical), RMAN')).not.toContain('Assembly Language')
    expect(namesIn('Firmware in x86 Assembly and C')).toContain('Assembly Language')
    // "Grading" is earthworks to a civil engineer and relay coordination to an electrical one.
    expect(
      namesIn('Prepare grading, drainage and utility plans in Civil 3D; protection grading studies'),
    ).not.toContain('Student Assessment')
    expect(
      namesIn('Reviewed every PR before the merge and then wrote the release notes for our Python services'),
    ).toEqual(['Python'])
    expect(namesIn('Wrote services in Go for the booking platform and the team deployed them on Kubernetes')).toEqual([
      'Go',
      'Kubernetes',
    ])
  })

  it('reports the line, its index and the text as written', () => {
    const [first, second] = taxonomy.findSkills('Summary\n  Deployed apps on k8s  \nPostgres tuning')
    expect(first).toMatchObject({ skillId: 'kubernetes', surface: 'k8s', line: 'Deployed apps on k8s', lineIndex: 1 })
    expect(second).toMatchObject({ skillId: 'postgresql', surface: 'Postgres', lineIndex: 2 })
    expect('  Deployed apps on k8s  '.slice(first!.start, first!.end)).toBe('k8s')
  })
})

describe('suggestSkills', () => {
  it('lists required skills before nice-to-haves, with the line that names them', () => {
    const suggested = taxonomy.suggestSkills(
      [
        'Senior Backend Engineer',
        'Requirements:',
        '- 5+ years of Python and Postgres',
        '- Kubernetes and Docker; Python daily',
        'Nice to have:',
        '- Kafka',
        '- Go',
        'Terraform is a plus',
      ].join('\n'),
    )
    expect(suggested.map((skill) => [skill.skillId, skill.importance])).toEqual([
      ['python', 'required'],
      ['postgresql', 'required'],
      ['kubernetes', 'required'],
      ['docker', 'required'],
      ['apache-kafka', 'preferred'],
      ['go', 'preferred'],
      ['terraform', 'preferred'],
    ])
    expect(suggested[0]).toMatchObject({ mentions: 2, evidence: '- 5+ years of Python and Postgres' })
  })

  it('asks for no skill an agency’s terms name: its rate’s currency, who may apply', () => {
    const asked = taxonomy
      .suggestSkills(
        [
          '**Rate:** CAD $50–58/hr incorporated',
          '**Eligibility:** Canadian citizens, PR or valid open work permit',
          '**Must:**',
          '- MS Project and RAID logs',
        ].join('\n'),
      )
      .filter((skill) => skill.importance === 'required')
      .map((skill) => skill.name)
    expect(asked).toEqual(['Microsoft Project', 'RAID Logs'])
  })

  it('reads an agency’s terse "Must:" and "Nice:" as the required and the nice-to-have blocks', () => {
    const importance = (heads: [string, string]) =>
      taxonomy
        .suggestSkills(
          [`**${heads[0]}**`, '- Python, 5+ yrs', `**${heads[1]}**`, '- Kafka', '**Must:**', '- Docker'].join('\n'),
        )
        .map((skill) => [skill.skillId, skill.importance])
    const expected = [
      ['python', 'required'],
      ['docker', 'required'],
      ['apache-kafka', 'preferred'],
    ]
    expect(importance(['Must:', 'Nice:'])).toEqual(expected)
    expect(importance(['Mandatory:', 'Nice to have:'])).toEqual(expected)
  })

  it('offers examples of one kind in brackets as alternatives, not the parts of a stack', () => {
    const suggested = (text: string) =>
      taxonomy
        .suggestSkills(text)
        .map((skill) => [skill.name, ...(skill.alternatives ?? []).map((other) => other.name)].join(' or '))
    expect(suggested('Manage and troubleshoot firewalls (Palo Alto, Fortinet, Check Point)')).toContain(
      'Palo Alto Networks or Fortinet or Check Point',
    )
    expect(suggested('Cloud experience (e.g. AWS, Azure, GCP)')).toContain(
      'Amazon Web Services or Microsoft Azure or Google Cloud Platform',
    )
    expect(suggested('Exposure to SIEM tools (Splunk and QRadar)')).toContain('Splunk or IBM QRadar')
    expect(suggested('Python data stack (pandas, NumPy, scikit-learn)')).toEqual([
      'Python',
      'pandas',
      'NumPy',
      'scikit-learn',
    ])
    expect(suggested('Configure routing and switching (BGP, OSPF, VLANs)').join()).not.toContain(' or ')
  })

  it('suggests skills for non-engineering jobs too', () => {
    const ids = taxonomy
      .suggestSkills(
        'Registered nurse for our ICU. BLS and ACLS required; Epic EHR charting, IV therapy and patient education.',
      )
      .map((skill) => skill.skillId)
    expect(ids).toEqual(
      expect.arrayContaining([
        'critical-care',
        'basic-life-support',
        'advanced-cardiovascular-life-support',
        'epic-systems',
        'iv-therapy',
        'patient-education',
      ]),
    )
  })
})

describe('validation', () => {
  const valid = () =>
    JSON.parse(readFileSync(SKILLS_FILE, 'utf8')) as { skills: Record<string, unknown>[]; categories: unknown[] }

  it('refuses an alias that two skills claim', () => {
    const data = valid()
    data.skills.push({ id: 'not-kubernetes', name: 'Not Kubernetes', category: 'cloud-devops', aliases: ['K8s'] })
    expect(() => parseTaxonomy(data)).toThrow(/"K8s" belongs to both kubernetes and not-kubernetes/)
  })

  it('refuses unknown categories, duplicate ids, bad ids, rules naming no form and runs it cannot read', () => {
    const unknownCategory = valid()
    unknownCategory.skills[0]!.category = 'astrology'
    expect(() => parseTaxonomy(unknownCategory)).toThrow(TaxonomyError)
    const duplicate = valid()
    duplicate.skills.push({ ...duplicate.skills[0]!, aliases: [], name: 'Other name' })
    expect(() => parseTaxonomy(duplicate)).toThrow(/duplicate id/)
    const badId = valid()
    badId.skills[0]!.id = 'Has Spaces'
    expect(() => parseTaxonomy(badId)).toThrow(TaxonomyError)
    const badRule = valid()
    badRule.skills[0]!.caseSensitive = ['nowhere']
    expect(() => parseTaxonomy(badRule)).toThrow(/not one of its forms/)
    const longRun = valid()
    longRun.skills[0]!.notFollowedBy = { [longRun.skills[0]!.name as string]: ['to the market'] }
    expect(() => parseTaxonomy(longRun)).toThrow(/more than two words/)
    expect(() => parseTaxonomy({ version: 2 })).toThrow(TaxonomyError)
  })

  it.each([
    ['relatedGroups', 'related group'],
    ['contrasts', 'contrast'],
  ])('refuses %s that name an unknown skill, a skill twice, or share an id', (key, kind) => {
    const group = (id: string, skills: string[]) => ({ id, name: 'Group', skills })
    const withGroups = (groups: unknown[]) => ({ ...valid(), [key]: groups })
    expect(() => parseTaxonomy(withGroups([group('cloud', ['microsoft-azure', 'astrology'])]))).toThrow(
      /cloud names unknown skill astrology/,
    )
    expect(() => parseTaxonomy(withGroups([group('cloud', ['microsoft-azure', 'microsoft-azure'])]))).toThrow(
      /names a skill twice/,
    )
    const twice = [group('cloud', ['microsoft-azure', 'git']), group('cloud', ['git', 'github'])]
    expect(() => parseTaxonomy(withGroups(twice))).toThrow(new RegExp(`duplicate ${kind} cloud`))
    expect(() => parseTaxonomy(withGroups([group('alone', ['git'])]))).toThrow(TaxonomyError)
    expect(parseTaxonomy(withGroups([group('cloud', ['microsoft-azure', 'git'])])).skills.length).toBeGreaterThan(0)
  })
})
