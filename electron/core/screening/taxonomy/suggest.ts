import { MAX_ALTERNATIVES } from '../../../../shared/contract/screening/alternatives'
import type { SkillMatch } from './matcher'
import { WHERE_TO_APPLY } from '../scoring/job-query'
import { namesAPerson } from './roles'
import { negatedSpans, NOT_NEEDED, unwantedLines, within, type Span } from './unwanted'

export type SkillImportance = 'required' | 'preferred'

/** A skill a job description asks for, as the recruiter would first see it suggested. */
export interface SuggestedSkill {
  skillId: string
  name: string
  category: string
  /** How many times the description names it. */
  mentions: number
  importance: SkillImportance
  /** The first line of the description that names it. */
  evidence: string
  /** Skills the description names as doing as well ("Figma or Adobe XD"), in its order. */
  alternatives?: { skillId: string; name: string }[]
}

// A heading or a line that opens a "nice to have" block, and one that returns to what is required.
// An agency's terse "**Must:**" and "**Nice:**" are such headings too.
const PREFERRED_HEADING =
  /\b(nice(?:[- ]to[- ]haves?)?|preferred|bonus|desirable|good[- ]to[- ]have|pluses|extra credit|optional)\b/i
const REQUIRED_HEADING =
  /\b(requirements?|required|must(?:[- ]haves?)?|mandatory|qualifications|what you('| wi)ll need|you have|you bring|responsibilities|what you('| wi)ll do|minimum)\b/i
// A block about the employer rather than the job: "## About us", "Who we are", "We offer", a careers
// page's "Our values", "Equal Opportunity Employer", "Privacy", "Pay range" and "Meet the hiring team",
// and "About Finora" (a name; "About the role" and "About you" are the job).
const COMPANY_HEADING =
  /^[#*\s]*(?:about (?:us|the company|the employer)|who we are|our (?:company|story|mission|values)|company (?:overview|profile)|(?:what )?we offer|benefits|perks|equal (?:opportunity|employment)|eeo\b|diversity|privacy|pay (?:range|transparency)|compensation\s*(?:&|and)?\s*(?:benefits)?\s*:?\s*$|meet the (?:hiring )?team|life at)\b/i
const ABOUT_A_NAME =
  /^[#*\s]*About (?!(?:The|This|You|Your|Our|Us|Me)\b)\p{Lu}[\p{L}&.'-]*(?: \p{Lu}[\p{L}&.'-]*){0,3}[\s:*]*$/u
const isCompanyHeading = (line: string) => COMPANY_HEADING.test(line) || ABOUT_A_NAME.test(line)
// A line of facts that names the employer ("**Company:** Swiftkart Logistics", "Client: a Big 4 bank"),
// or an agency's terms ("**Rate:** CAD $50–58/hr", "**Eligibility:** citizens, PR or an open work permit").
const EMPLOYER_FACT =
  /^[-*•\s]*(?:company|employer|client|organi[sz]ation|hiring (?:company|organi[sz]ation)|industry(?: type)?|rate|eligibility|visa|work authori[sz]ation)\W{0,4}:/i
// A forwarded message's headers and its greeting name people, not what the job asks: "To:
// Recruiting", "Dear Recruiter,", and an address ("recruitment-team@…") holds no skill either.
export const MAIL_HEADER = /^\s*(?:from|to|cc|bcc|date|sent|reply-to)\s*:/i
// A chat's lines: a header ("Sanne de Vries 14:02", "Daniel Okafor  9:15 AM") naming who wrote what
// follows, or a message stamped with its time ("[10:42] Priya Venkatesh: …"). Neither is a heading.
const CLOCK_TIME = String.raw`\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?`
export const CHAT_HEADER = new RegExp(String.raw`^\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){0,3}\s+${CLOCK_TIME}$`, 'u')
export const CHAT_TIME_STAMP = String.raw`\[${CLOCK_TIME}\]`
const CHAT_STAMP = new RegExp(`^${CHAT_TIME_STAMP}`)
// A social post's tags: "#FitnessJobs #PersonalTrainer #Hiring".
const HASHTAGS = /^(?:#[\p{L}\p{N}_]+[\s,]*)+$/u
const SALUTATION = /^\s*(?:dear|hi|hello|hey)\b[^.!?:]{0,40}[,!]?\s*$/i
const inAddress = (line: string, match: SkillMatch) =>
  [...line.matchAll(WHERE_TO_APPLY)].some(
    (address) => address.index < match.end && address.index + address[0].length > match.start,
  )
// "Coordinate with the consultant and the MEP team", "work closely with the sales team": a skill
// that names the people the job works with is theirs, not asked of the candidate; so is each one of a
// list that ends in their teams ("with manufacturing and quality teams", "with our QA and DevOps
// teams", "with simulation, manufacturing, quality and customer engineering teams"), but not a skill
// before "cross-functional teams".
const THEIR_TEAM =
  /^(?:\s*(?:,|&|\/|,?\s+and)\s+(?:the\s+)?(?!(?:cross-functional|distributed|remote|agile|global|large|small|multiple|offshore|onshore|virtual|diverse|high-performing)\b)[\p{L}\p{N}.+#-]+(?:\s+[\p{L}\p{N}.+#-]+)?){0,4}\s+(?:teams?|departments?|dept\b)/iu
const TEAM_LOOKAHEAD = 90
// Whom a job advises are people, what it advises them on is the work: "advise account executives, sales
// leadership, deal desk, Finance and Procurement" names the lawyer's clients inside the company;
// "advise leaders on organisation design, workforce planning" asks for both of those.
const ADVISES = /\badvis(?:e|es|ing)\s+/gi
const ADVICE_TOPIC = /(?<!\p{L})(?:on|about|regarding|in)\s|[.;:!?]|,\s+and\s/giu
/** The stretches of a line that name whom a job advises, each from "advise" to what it advises on. */
function advisedSpans(line: string): Span[] {
  return [...line.matchAll(ADVISES)].map((advice) => {
    const from = advice.index + advice[0].length
    ADVICE_TOPIC.lastIndex = from
    const topic = ADVICE_TOPIC.exec(line)
    return [from, (topic?.index ?? line.length) - 1] as const
  })
}
// "sit in on grooming with the devs and product owner", "liaise with the Scrum Master": a skill named
// by a person's role, after "with", is someone the job works with; "with Scrum Master certification"
// or "with product owner experience" is the job's own.
const WITH = /\bwith\b/gi
// Inside one line: "Kafka (a plus)", "Terraform is a bonus", "ideally Go", "Good to have: AWS", "a
// licence is an added advantage", "ISTQB certified candidates will be given preference", "Kafka
// exposure would be really nice", "a bit of Lean would be great", "Terraform not required".
const PREFERRED_INLINE = new RegExp(
  String.raw`\b(a plus|is a plus|plus\b|bonus|nice[- ]to[- ](?:have|know)|(?:would be|is|are)(?: really| very| so)? (?:nice|great|helpful)|good[- ]to[- ](?:have|know)|preferred|preference|ideally|desirable|advantage|advantageous|optional|familiarity with|exposure to|${NOT_NEEDED})\b`,
  'i',
)
// "Docker/K8s – good to have": a dash, and after it only that the skills before it are a plus.
const PREFERRED_AFTER_DASH =
  /^\s*[-–—]\s*(?:(?:is|are|would be)\s+)?(?:a plus|a bonus|good[- ]to[- ](?:have|know)|nice[- ]to[- ](?:have|know)|preferred|desirable|optional|an? (?:added )?advantage)\b/i

// "3+ years of HR experience, preferably in manufacturing": only what follows it is preferred.
const PREFERABLY = /\bpreferably\b/gi
// "Knowledge of AutoCAD is a must, and experience with Creo would be a plus", "AutoCAD is needed,
// familiarity with Primavera is good to have": the part of a clause that says its skill is required
// keeps it required, whatever the rest of the clause says.
const REQUIRED_INLINE = /(?<!\bnot )(?<!\bnot strictly )\b(?:must|mandatory|required|essential|needed|expected)\b/i
const PART_END = /[.;!?](?:\s|$)|\s[-–—]\s|,\s/g
// A sentence about pay and perks ("The company offers yearly increments, PF, gratuity", "Salary as
// per industry standards plus canteen", "Benefits include …"): what it names is offered, not asked
// for. Not a sentence that asks for such work: "Compensation and benefits administration, payroll …".
const PERKS_SENTENCE =
  /^(?:(?:what )?(?:we|the company|the employer|(?:our|the) client|they)(?: also)? (?:offers?|provides?)\b|(?:the |our |a )?(?:(?:compensation|benefits|salary|remuneration) )?package (?:includes?|comprises?|offers?)\b|in return,? (?:we|you)\b|you(?:'ll| will) (?:get|receive|enjoy)\b|(?:benefits|perks)\s*(?:include|are\b|[:–-])|(?:salary|ctc|compensation|remuneration|pay)\s*(?:as per|up ?to|range|of\b|is\b|will\b|[:–+-]|₹|rs\b|inr\b|\d|best\b|commensurate|competitive|attractive|negotiable|no bar))/i

// A careers page's legal text: its equal-opportunity statement and privacy notice name no skill asked
// for ("… without regard to disability; we provide accessibility accommodations", "personal data …
// for recruiting").
const LEGAL_SENTENCE =
  /\b(?:equal (?:opportunity|employment)|without regard to|discriminat\w*|reasonable accommodations?|affirmative action|protected (?:veterans?|characteristics?|class)|personal (?:data|information)|privacy (?:notice|policy|rights)|unsolicited (?:resumes|cvs))\b/i

/** Clauses end at a sentence stop or a semicolon: "Graduate in any field; an MBA is preferred." is two. */
const CLAUSE_END = /[.;!?](?:\s|$)|\s[-–—]\s/g
const SENTENCE_END = /[.!?](?:\s|$)/g

// A sentence of the opening paragraph that tells what the employer is or does ("Corvid Retail
// Technology builds the e-commerce platform …", "We are Brightwater Software, … building case
// management products", "We release to production several times a day"), and one that turns to the
// job or the reader ("We are hiring a …", "… looking for …", "you will …", "is required").
const EMPLOYER_SENTENCE =
  /^(?:We|Our(?: \p{Ll}+){0,2}|(?:The )?\p{Lu}[\p{L}\p{N}&'.-]*(?: (?:\p{Lu}[\p{L}\p{N}&'.-]*|of|and|&)){0,5})(?:,[^,]{1,80},)? (?:is|are|was|were|has|have|builds?|makes?|manufactures?|produces?|distributes?|supplies|exports?|delivers?|moves?|provides?|runs?|operates?|serves?|helps?|develops?|designs?|offers?|sells?|releases?|ships?|manages?|works?|specialises|specializes)\b/u
const ABOUT_THE_JOB =
  /\b(?:you|your|hiring|looking for|seeking|join|role|position|candidates?|required|must|need|needed|experience)\b/i

/**
 * A sentence above a posting's first heading or list tells of the employer, unless it opens by asking:
 * "Looking for 4+ yrs in test automation.", "Need an art & craft teacher", "You will own …", an intake
 * note's "HM wants: RAID logs kept live, …". "We are a
 * consumer electricals brand (fans, switchgear) and are looking for …" still sets the scene.
 */
const ASKS =
  /^(?:(?:we(?:'re| are) )?(?:looking for|seeking|hiring)|(?:urgently )?(?:need|needed|wanted|required)|you(?:'ll| will| would)?|(?:the )?(?:hm|hiring manager|client|he|she|they) (?:wants?|needs?|requires?)|must[- ]haves?\b)\b/i
const introSetsTheScene = (sentence: string) => !ASKS.test(sentence)

/** Where each stop of one kind starts in a line, and where it ends, in order. */
interface Stops {
  at: number[]
  after: number[]
}

/**
 * The first index of `sorted` whose value is at least `value`. (scoring/term-vector.ts's lowerBound
 * does this for typed arrays only, so that ranking's hot path sees one kind of array.)
 */
function firstAtLeast(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Clauses, parts and sentences around the mentions of one description. Each line's stops are found
 * once and each span's tests answered once, so a posting that names a skill thousands of times on
 * one line costs no more than its length (a 40,000-character line of skills took seconds before).
 */
function clausesOf(lines: readonly string[]) {
  const stopsByKind = new Map<RegExp, Map<number, Stops>>()
  const answers = new Map<string, boolean>()
  const stopsIn = (lineIndex: number, kind: RegExp): Stops => {
    const byLine = stopsByKind.get(kind) ?? new Map<number, Stops>()
    stopsByKind.set(kind, byLine)
    let stops = byLine.get(lineIndex)
    if (!stops) {
      stops = { at: [], after: [] }
      for (const stop of (lines[lineIndex] ?? '').matchAll(kind)) {
        stops.at.push(stop.index)
        stops.after.push(stop.index + stop[0].length)
      }
      byLine.set(lineIndex, stops)
    }
    return stops
  }
  /** Where the span's clause begins (after the last stop before it) and ends (at the first stop after it). */
  const bounds = (match: SkillMatch, kind: RegExp): [number, number] => {
    const { at, after } = stopsIn(match.lineIndex, kind)
    const before = firstAtLeast(at, match.start)
    const next = firstAtLeast(at, match.end)
    return [before > 0 ? after[before - 1]! : 0, next < at.length ? at[next]! : (lines[match.lineIndex] ?? '').length]
  }
  /** Whether `test` holds for the span's line from..to, asked once per line, span and test. */
  const holds = (test: RegExp, lineIndex: number, from: number, to: number) => {
    const key = `${test.source}\u0000${lineIndex}:${from}:${to}`
    let answer = answers.get(key)
    if (answer === undefined) {
      answer = test.test((lines[lineIndex] ?? '').slice(from, to))
      answers.set(key, answer)
    }
    return answer
  }
  return {
    /**
     * The mention's clause says it is preferred ("Kafka a plus") and its own part of the clause does
     * not say it is required, or "preferably" comes before it.
     */
    inlinePreferred(match: SkillMatch): boolean {
      const [from, to] = bounds(match, CLAUSE_END)
      if (holds(PREFERRED_AFTER_DASH, match.lineIndex, to, (lines[match.lineIndex] ?? '').length)) return true
      const preferably = stopsIn(match.lineIndex, PREFERABLY)
      const first = firstAtLeast(preferably.at, from)
      if (first < preferably.at.length && preferably.after[first]! <= match.start) return true
      if (!holds(PREFERRED_INLINE, match.lineIndex, from, to)) return false
      const [partFrom, partTo] = bounds(match, PART_END)
      return (
        !holds(REQUIRED_INLINE, match.lineIndex, partFrom, partTo) ||
        holds(PREFERRED_INLINE, match.lineIndex, partFrom, partTo)
      )
    },
    /** The mention names a team or a person the job works with ("with … the MEP team", "with the product owner"). */
    namesTheirTeam(match: SkillMatch): boolean {
      const line = lines[match.lineIndex] ?? ''
      const aPerson = namesAPerson(line, match.start, match.end)
      if (!THEIR_TEAM.test(line.slice(match.end, match.end + TEAM_LOOKAHEAD)) && !aPerson) return false
      const withs = stopsIn(match.lineIndex, WITH)
      const first = firstAtLeast(withs.at, bounds(match, CLAUSE_END)[0])
      return first < withs.at.length && withs.at[first]! < match.start
    },
    /** The mention's sentence, without a list item's mark. */
    sentenceOf(match: SkillMatch): string {
      return (lines[match.lineIndex] ?? '')
        .slice(...bounds(match, SENTENCE_END))
        .trim()
        .replace(/^[-*•#\s]+/, '')
    },
  }
}

// Between two mentions that are alternatives: "Figma or Adobe XD", "Kafka, or RabbitMQ", "SQL and/or NoSQL".
const OR_BETWEEN = /^\s*,?\s*(?:or|and\/or)\s+$/i
// Between two examples in one pair of brackets: "firewalls (Palo Alto, Fortinet, Check Point)".
const LISTED_BETWEEN = /^\s*(?:[,/]\s*(?:(?:or|and|and\/or)\s+)?|(?:and|and\/or)\s+)$/i

/** Where the bracket that `at` sits in opens on its line, or -1 outside brackets. */
function openBracketBefore(line: string, at: number): number {
  const open = line.lastIndexOf('(', at)
  return open >= 0 && line.indexOf(')', open) >= at ? open : -1
}

// Brackets of examples of which any will do: after a kind of product ("firewalls (Palo Alto, Fortinet)",
// "SIEM tools (Splunk, QRadar)"), or opened by "e.g." or "such as". Not a stack's parts: "Python
// libraries (pandas, NumPy)" asks for each.
const KIND_BEFORE =
  /\b(?:tools?|platforms?|vendors?|providers?|products?|solutions?|firewalls?|databases?|clouds?|frameworks?|suites?|appliances?|engines?|brokers?|erps?|crms?)\s*$/i
const EXAMPLES_OPEN = /^\s*(?:e\.?g\.?|such as|like|any of|either|for example)\b/i

/** Two skills a posting offers as examples of one kind in one pair of brackets, and which stand in for each other. */
const examplesOfOne = (line: string, a: SkillMatch, b: SkillMatch, standIn: StandIn) => {
  const open = openBracketBefore(line, a.start)
  return (
    open >= 0 &&
    open === openBracketBefore(line, b.start) &&
    LISTED_BETWEEN.test(line.slice(a.end, b.start)) &&
    (KIND_BEFORE.test(line.slice(0, open)) || EXAMPLES_OPEN.test(line.slice(open + 1))) &&
    standIn(a.skillId, b.skillId)
  )
}

/** Whether the taxonomy relates two skills (one may stand in for the other). */
export type StandIn = (a: string, b: string) => boolean

/**
 * Groups of skills the description offers as alternatives, each in reading order. A skill named
 * anywhere else on its own is asked for on its own, and joins no group: "Java" in "Java or Kotlin"
 * and again in "strong Java" is required.
 */
function alternativeGroups(lines: readonly string[], matches: readonly SkillMatch[], standIn: StandIn): string[][] {
  const partners = new Map<string, Set<string>>()
  const alone = new Set<string>()
  const link = (a: string, b: string) => {
    if (a === b) return
    partners.set(a, (partners.get(a) ?? new Set()).add(b))
    partners.set(b, (partners.get(b) ?? new Set()).add(a))
  }
  matches.forEach((match, index) => {
    const next = matches[index + 1]
    const previous = matches[index - 1]
    const joined = (a: SkillMatch | undefined, b: SkillMatch | undefined) =>
      !!a &&
      !!b &&
      a.lineIndex === b.lineIndex &&
      !a.line.includes('\n') &&
      !b.line.includes('\n') &&
      (OR_BETWEEN.test((lines[a.lineIndex] ?? '').slice(a.end, b.start)) ||
        examplesOfOne(lines[a.lineIndex] ?? '', a, b, standIn))
    if (joined(match, next)) link(match.skillId, next!.skillId)
    if (!joined(match, next) && !joined(previous, match)) alone.add(match.skillId)
  })
  const groups: string[][] = []
  const placed = new Set<string>()
  for (const { skillId } of matches) {
    if (placed.has(skillId) || alone.has(skillId) || !partners.has(skillId)) continue
    const group: string[] = []
    const queue = [skillId]
    while (queue.length) {
      const id = queue.shift()!
      if (placed.has(id) || alone.has(id)) continue
      placed.add(id)
      group.push(id)
      queue.push(...(partners.get(id) ?? []))
    }
    if (group.length > 1) groups.push(group)
  }
  const firstSeen = new Map<string, number>()
  matches.forEach((match, order) => firstSeen.has(match.skillId) || firstSeen.set(match.skillId, order))
  return groups.map((group) => group.sort((a, b) => firstSeen.get(a)! - firstSeen.get(b)!))
}

const isHeadingLine = (trimmed: string) =>
  trimmed.length > 0 &&
  trimmed.length <= 60 &&
  (/[:#]/.test(trimmed) || trimmed.split(/\s+/).length <= 5) &&
  !CHAT_HEADER.test(trimmed) &&
  !CHAT_STAMP.test(trimmed) &&
  !HASHTAGS.test(trimmed)
const isListItem = (trimmed: string) => /^([-*•]|\d+[.)])\s/.test(trimmed)

/**
 * Skills named by a job description, required ones first, then by how often they are named.
 * A skill is "preferred" when every mention sits under a nice-to-have heading, in a clause that
 * says so ("an MBA is preferred") or after "preferably", or in what is about the company: the
 * opening paragraph when the description goes on to headings or a list, a sentence of the first
 * paragraph of prose that says what the employer is or does, and a block under a heading such as
 * "About us" or "We offer", or on a line naming the company ("Company: Swiftkart Logistics"). "An
 * MEP consulting firm" or "our medical billing product" sets the scene, it does not ask for a skill.
 * What a sentence about pay and perks names is not suggested, nor a team the job works with, nor
 * what the posting says it does not want (taxonomy/unwanted.ts).
 * Skills named as alternatives ("Figma or Adobe XD") are one suggestion: the first, with the others
 * as its alternatives.
 */
export function suggestFromMatches(
  description: string,
  matches: readonly SkillMatch[],
  standIn: StandIn = () => false,
): SuggestedSkill[] {
  const lines = description.split('\n')
  const blockPreferred = new Array<boolean>(lines.length).fill(false)
  let inPreferredBlock = false
  // Unlike a nice-to-have block, a company block ends at any heading ("## Your tasks" after "## About us").
  let inCompanyBlock = false
  lines.forEach((line, index) => {
    const trimmed = line.trim()
    const isHeading = isHeadingLine(trimmed)
    if (isHeading && !isListItem(trimmed)) inCompanyBlock = isCompanyHeading(trimmed)
    if (isHeading && PREFERRED_HEADING.test(trimmed)) inPreferredBlock = true
    else if (isHeading && REQUIRED_HEADING.test(trimmed)) inPreferredBlock = false
    blockPreferred[index] = inPreferredBlock || inCompanyBlock || EMPLOYER_FACT.test(line)
  })
  const introEnd = Math.max(
    0,
    lines.findIndex((line) => isHeadingLine(line.trim()) || isListItem(line.trim())),
  )
  const opening = openingParagraph(lines)
  const clauses = clausesOf(lines)
  const unwanted = unwantedLines(lines, isListItem)
  // Each line's negations and whom it advises, found once for all of its mentions.
  const spans = new Map<string, Span[]>()
  const spansOf = (kind: 'negated' | 'advised', lineIndex: number) => {
    const key = `${kind}:${lineIndex}`
    let found = spans.get(key)
    if (!found) {
      const line = lines[lineIndex] ?? ''
      found = kind === 'negated' ? negatedSpans(line) : advisedSpans(line)
      spans.set(key, found)
    }
    return found
  }
  const aboutEmployer = (match: SkillMatch) => {
    if (match.lineIndex < opening.from || match.lineIndex >= opening.to) return false
    const sentence = clauses.sentenceOf(match)
    return EMPLOYER_SENTENCE.test(sentence) && !ABOUT_THE_JOB.test(sentence)
  }
  const preferredAt = (match: SkillMatch) =>
    (blockPreferred[match.lineIndex] ?? false) ||
    (match.lineIndex < introEnd && introSetsTheScene(clauses.sentenceOf(match))) ||
    aboutEmployer(match) ||
    clauses.inlinePreferred(match)

  const bySkill = new Map<string, SuggestedSkill & { order: number }>()
  matches.forEach((match, order) => {
    // What a sentence about pay and perks names is offered, not asked for, legal text asks nothing, and a
    // team named is someone else's.
    const sentence = clauses.sentenceOf(match)
    if (PERKS_SENTENCE.test(sentence) || LEGAL_SENTENCE.test(sentence) || clauses.namesTheirTeam(match)) return
    if (within(spansOf('advised', match.lineIndex), match.start)) return
    const line = lines[match.lineIndex] ?? ''
    if (MAIL_HEADER.test(line) || SALUTATION.test(line) || inAddress(line, match)) return
    // What the posting says it does not want ("not a dashboard person", "NOT (selenium OR android)").
    if (unwanted.has(match.lineIndex) || within(spansOf('negated', match.lineIndex), match.start)) return
    const preferred = preferredAt(match)
    const existing = bySkill.get(match.skillId)
    if (existing) {
      existing.mentions++
      if (!preferred) existing.importance = 'required'
      return
    }
    bySkill.set(match.skillId, {
      skillId: match.skillId,
      name: match.name,
      category: match.category,
      mentions: 1,
      importance: preferred ? 'preferred' : 'required',
      evidence: match.line,
      order,
    })
  })
  for (const [first, ...others] of alternativeGroups(lines, matches, standIn)) {
    const skill = bySkill.get(first!)
    const alternatives = others.flatMap((id) => bySkill.get(id) ?? []).slice(0, MAX_ALTERNATIVES)
    if (!skill || !alternatives.length) continue
    skill.alternatives = alternatives.map(({ skillId, name }) => ({ skillId, name }))
    if (alternatives.some((alternative) => alternative.importance === 'required')) skill.importance = 'required'
    for (const alternative of alternatives) bySkill.delete(alternative.skillId)
  }
  return [...bySkill.values()]
    .sort((a, b) => rank(a.importance) - rank(b.importance) || b.mentions - a.mentions || a.order - b.order)
    .map(({ order: _order, ...skill }) => skill)
}

// "**Location:** Berlin", "Salary: …", "Infopark, Kochi | 1–3 years": a line of facts before the prose.
const FACT_LINE = /^\s*\**[\p{L} /&-]{1,30}:\**\s|\s\|\s/u

/** A short line that is no sentence: the employer's name or a tagline above the prose. */
const isNameLine = (trimmed: string) => isHeadingLine(trimmed) && !/[.!?]$/.test(trimmed)

/**
 * The lines of the description's first paragraph of prose (to the first blank line or heading),
 * past any lines of facts and the employer's name on a line of its own.
 */
function openingParagraph(lines: readonly string[]): { from: number; to: number } {
  const from = lines.findIndex(
    (line) => line.trim() !== '' && !FACT_LINE.test(line) && !/^\s*#/.test(line) && !isNameLine(line.trim()),
  )
  if (from === -1) return { from: 0, to: 0 }
  let to = from + 1
  while (to < lines.length && lines[to]!.trim() !== '' && !/^\s*#/.test(lines[to]!)) to++
  return { from, to }
}

const rank = (importance: SkillImportance) => (importance === 'required' ? 0 : 1)
