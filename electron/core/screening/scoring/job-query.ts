import { skillIdsOf, type JobOpeningView, type JobSkill } from '../../../../shared/contract/screening'
import { fieldHash, pairHash, termHash, tripleHash } from './term-vector'
import { tokenize } from './tokenize'
import type { RelatedSkills } from '../taxonomy/related'
import type { CustomSkillPhrase, ScoringJob, TitleContrast } from './types'

/** Enough terms to describe any job; beyond this a long description adds cost, not signal. */
const MAX_QUERY_TERMS = 200
/** A word repeated throughout a description should not outweigh everything else. */
const MAX_REPEATS = 3

export type ScoringJobSource = Pick<
  JobOpeningView,
  | 'title'
  | 'description'
  | 'requirements'
  | 'requiredSkills'
  | 'preferredSkills'
  | 'minYears'
  | 'educationLevel'
  | 'weights'
>

export const isCustomSkill = (skillId: string) => skillId.startsWith('custom:')

/** The skills outside the taxonomy among a job's matched skills and their alternatives: their proof is found by name. */
export function matchedCustomSkills(
  job: Pick<ScoringJobSource, 'requiredSkills' | 'preferredSkills'>,
  matched: readonly string[],
): { skillId: string; name: string }[] {
  return [...job.requiredSkills, ...job.preferredSkills]
    .filter((skill) => matched.includes(skill.skillId))
    .flatMap((skill) => [skill, ...(skill.alternatives ?? [])])
    .filter((skill) => isCustomSkill(skill.skillId))
}

/**
 * Where a posting says to apply: "CVs to jobs@gmail.com", "apply at https://acme.example/careers".
 * The address's words are no part of the job; "gmail.com" would match every resume that uses it.
 * Each part is bounded (an address's own limits), so a long run of letters costs a scan, not its square.
 */
export const WHERE_TO_APPLY = /[\w.%+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}|\b(?:https?:\/\/|www\.)\S+/gi

/**
 * The job as BM25 sees it: the title counts twice, then the skills asked for, the requirements and
 * the description. Order matters when the term cap is reached: what the recruiter stated most
 * explicitly is kept.
 */
export function jobQueryTerms(job: ScoringJobSource): string[] {
  const skills = [...job.requiredSkills, ...job.preferredSkills]
    .flatMap((s) => [s.name, ...(s.alternatives ?? []).map((alternative) => alternative.name)])
    .join(' ')
  const titleWords = tokenize(job.title, { title: true })
  const asked = [skills, job.requirements, job.description].join('\n').replace(WHERE_TO_APPLY, ' ')
  const tokens = [...titleWords, ...titleWords, ...tokenize(asked)]
  const counts = new Map<string, number>()
  const out: string[] = []
  for (const token of tokens) {
    const seen = counts.get(token) ?? 0
    if (seen >= MAX_REPEATS) continue
    if (!seen && counts.size >= MAX_QUERY_TERMS) continue
    counts.set(token, seen + 1)
    out.push(token)
  }
  return out
}

/**
 * Words that say how senior a role is, not what it is: a title match on them means nothing. In India
 * "Executive" is a grade ("Sales Executive", "HR Executive", "QA Executive"), as "Senior" is.
 */
const RANK_WORDS = new Set(
  tokenize(
    'senior sr junior jr lead principal staff head chief intern trainee fresher entry level mid ii iii iv executive',
  ),
)

/**
 * Words a posting's title says about the opening, not the role: "Hiring:", "(3-6 yrs)", "Immediate
 * joiners", "Freshers can apply", "WFH". A candidate whose headline says "Immediate joiner" holds no
 * more of the role.
 */
const OPENING_WORDS = new Set(
  tokenize(
    'hiring hire required wanted urgent urgently opening vacancy immediate joiner joiners can apply wfh wfo remote hybrid onsite full part time yrs yr exp',
  ),
)
const NUMBER = /^\d+$/

/** Where the posting says the job is ("Location: Bellandur, Bangalore", "**Job location:** Pune"). */
const LOCATION_LINE = /^[^\p{L}\n]*(?:job |work |office )?location\b[^\p{L}\n]*(.*)$/gimu

/** The words of the posting's location lines: a title's "– Bangalore" says where, not what. */
function placeWords(job: Pick<ScoringJobSource, 'description' | 'requirements'>): Set<string> {
  const words = new Set<string>()
  for (const text of [job.description, job.requirements])
    for (const [, place] of text.matchAll(LOCATION_LINE)) for (const word of tokenize(place!)) words.add(word)
  return words
}

/** Where a title's role ends and what qualifies it starts: "Site Engineer (Civil) – Residential Project, Nagpur". */
const TITLE_QUALIFIER = /\s[–—|-]\s|[,(|]/

/**
 * Whether a word of the title's qualifier says what the job is: the posting says it again, and not
 * as where the job is. "Site Engineer – Civil" goes on about civil works; "Field Sales Executive –
 * Lucknow" names its city only in its title, "Data Scientist – Bangalore" in its location line.
 */
function qualifiesTheRole(job: Pick<ScoringJobSource, 'description' | 'requirements'>): (word: string) => boolean {
  // Read only when a title has such words: most titles typed in the app have none.
  let read: { places: Set<string>; said: Set<string> } | undefined
  return (word) => {
    read ??= { places: placeWords(job), said: new Set(tokenize(`${job.description}\n${job.requirements}`)) }
    return read.said.has(word) && !read.places.has(word)
  }
}

/**
 * The job title's words that say what the role is (not its seniority, the opening or where it is):
 * each once, and each pair of neighbours. After the role's own words, only what `qualifies` is kept,
 * so a posting "on site" keeps its "Site Engineer".
 */
export function titleTerms(
  title: string,
  qualifies: (word: string) => boolean = () => true,
): Omit<ScoringJob['title'], 'contrast'> {
  const cut = title.search(TITLE_QUALIFIER)
  const head = tokenize(cut === -1 ? title : title.slice(0, cut), { title: true })
  const tail = cut === -1 ? [] : tokenize(title.slice(cut), { title: true }).filter(qualifies)
  const role = [...head, ...tail].filter(
    (token) => !RANK_WORDS.has(token) && !OPENING_WORDS.has(token) && !NUMBER.test(token),
  )
  return {
    terms: [...new Set(role)].map(termHash),
    pairs: role.slice(1).map((token, i) => pairHash(role[i]!, token)),
  }
}

/**
 * For each of the taxonomy's contrasts whose role the job's title names ("QA Engineer (Manual)" has
 * every word of "Manual QA"), the contrast's other roles that the job does not ask for: a candidate
 * titled "QA Automation Engineer" shares two of its words but holds another role.
 */
export function titleContrast(job: ScoringJobSource, relatedOf: RelatedSkills): TitleContrast {
  const contrast: TitleContrast = { now: { theirs: [], ours: [] }, ever: { theirs: [], ours: [] } }
  const words = new Set(tokenize(job.title, { title: true }))
  const asked = new Set([...job.requiredSkills, ...job.preferredSkills].flatMap(skillIdsOf))
  const inField = (field: 'role' | 'title') => (tokens: readonly string[]) =>
    tokens.map((token) => fieldHash(termHash(token), field))
  for (const group of relatedOf.contrasts ?? []) {
    const skills = group.map((skill) => ({
      skillId: skill.skillId,
      phrases: skill.forms.map((form) => [...new Set(tokenize(form))]).filter((tokens) => tokens.length > 0),
    }))
    const ours = skills.filter((skill) => skill.phrases.some((tokens) => tokens.every((token) => words.has(token))))
    if (!ours.length) continue
    const theirs = skills.filter((skill) => !ours.includes(skill) && !asked.has(skill.skillId))
    for (const [side, field] of [
      [contrast.now, 'role'],
      [contrast.ever, 'title'],
    ] as const) {
      side.ours.push(...ours.flatMap((skill) => skill.phrases.map(inField(field))))
      side.theirs.push(...theirs.flatMap((skill) => skill.phrases.map(inField(field))))
    }
  }
  return contrast
}

/** Postings read lately: a job is built again for every re-rank and every move of a preview's weights. */
const RECENT_POSTINGS = 8
const recentPostings = new Map<string, Uint32Array>()

/**
 * Each triple of neighbouring words in the posting's running text, once, in ascending order. The
 * same text gives the same array (read-only) while it is among the recent ones, so the copy check
 * can keep its answers per posting (copied.ts).
 */
export function postingTriples(job: Pick<ScoringJobSource, 'requirements' | 'description'>): Uint32Array {
  const text = `${job.requirements}\n${job.description}`
  let triples = recentPostings.get(text)
  if (!triples) {
    const tokens = tokenize(text)
    triples = Uint32Array.from(
      new Set(tokens.slice(2).map((token, i) => tripleHash(tokens[i]!, tokens[i + 1]!, token))),
    ).sort()
    recentPostings.set(text, triples)
    if (recentPostings.size > RECENT_POSTINGS) recentPostings.delete(recentPostings.keys().next().value!)
  }
  return triples
}

/** A skill outside the taxonomy, as a phrase: its words and each pair of neighbouring words. */
export function customSkillPhrase(name: string): CustomSkillPhrase {
  const tokens = tokenize(name)
  return {
    terms: [...new Set(tokens)].map(termHash),
    pairs: tokens.slice(1).map((token, i) => pairHash(tokens[i]!, token)),
  }
}

/** Without a taxonomy at hand no skill stands in for another. */
const NONE_RELATED: RelatedSkills = () => []

/** The skills related to any of a skill's own and alternatives' (see fit.ts), none of those themselves. */
function relatedToAny(skill: JobSkill, relatedOf: RelatedSkills): Set<string> {
  const own = skillIdsOf(skill)
  return new Set(own.flatMap((id) => relatedOf(id)).filter((id) => !own.includes(id)))
}

export function scoringJobOf(job: ScoringJobSource, relatedOf: RelatedSkills = NONE_RELATED): ScoringJob {
  const skills = [...job.requiredSkills, ...job.preferredSkills]
  const related = new Map<string, ReadonlySet<string>>()
  for (const skill of skills) {
    const ids = relatedToAny(skill, relatedOf)
    if (ids.size) related.set(skill.skillId, ids)
  }
  const customSkills = new Map<string, CustomSkillPhrase>()
  for (const { skillId, name } of skills.flatMap((skill) => [skill, ...(skill.alternatives ?? [])])) {
    if (isCustomSkill(skillId)) customSkills.set(skillId, customSkillPhrase(name))
  }
  return {
    requiredSkills: job.requiredSkills,
    preferredSkills: job.preferredSkills,
    minYears: job.minYears,
    educationLevel: job.educationLevel,
    weights: job.weights,
    queryHashes: jobQueryTerms(job).map(termHash),
    title: { ...titleTerms(job.title, qualifiesTheRole(job)), contrast: titleContrast(job, relatedOf) },
    related,
    customSkills,
    postingTriples: postingTriples(job),
  }
}
