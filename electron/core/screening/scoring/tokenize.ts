/**
 * Turns text into the terms text relevance is computed on. The same function reads resumes and job
 * descriptions, so a term means the same on both sides. Deliberately simple and deterministic: lower
 * case, accents folded, technical tokens kept whole ("c++", "c#", "node.js"), common English words
 * dropped, and a light suffix strip so "developers" and "developer" meet.
 */

const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves also etc per via within across including include includes using use used ' +
    'work worked working year years month months'
  ).split(' '),
)

const TOKEN = /[a-z0-9]+(?:[+#]+|(?:\.[a-z0-9]+)+)?/g

/** A light stemmer: plural and verb endings only, so technical words are not mangled. */
export function stem(word: string): string {
  if (word.length <= 3 || /[^a-z]/.test(word)) return word
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y'
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3)
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2)
  if (word.endsWith('ers') && word.length > 5) return word.slice(0, -1)
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('sis'))
    return word.slice(0, -1)
  return word
}

/**
 * Short forms of role words in a title, read as their words: a post's "Ops Manager" names the role a
 * resume's "Operations Manager" does, "SQL Server DBA" a "Database Administrator", and the other way
 * round. Only titles are read this way: in a resume's text "helped the ops manager plan stock" is
 * someone else's role. "QA" stays as it is: read as "quality assurance", it met the quality
 * engineers of manufacturing, and manual testers' rankings fell in four sets.
 */
const SHORT_FORMS = new Map([
  ['ops', 'operations'],
  ['mgr', 'manager'],
  ['mgmt', 'management'],
  ['engg', 'engineering'],
  ['engr', 'engineer'],
  ['exec', 'executive'],
  ['asst', 'assistant'],
  ['dba', 'database administrator'],
  ['sre', 'site reliability engineer'],
])

const NON_ASCII = /[\u0080-\uffff]/

/**
 * A title that is a grade at many employers and names no trade, as "Senior" names none: "Member of
 * Technical Staff 2" is as likely a Python developer as a Java one. Only titles drop it.
 */
const GRADE_TITLE = /\b(?:(?:senior|principal|lead)\s+)?member\s+of\s+(?:the\s+)?technical\s+staff\b|\bs?mts\b/g

export function tokenize(text: string, { title = false }: { title?: boolean } = {}): string[] {
  // Plain ASCII has no accents to fold, and NFKD leaves it as it is.
  const plain = NON_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text
  const lower = plain.toLowerCase()
  const folded = title ? lower.replace(GRADE_TITLE, ' ') : lower
  const out: string[] = []
  TOKEN.lastIndex = 0
  for (let match = TOKEN.exec(folded); match; match = TOKEN.exec(folded)) {
    const word = match[0]
    if (word.length < 2 && !/[0-9]/.test(word)) continue
    if (STOP_WORDS.has(word)) continue
    const long = title && SHORT_FORMS.get(word)
    if (long) for (const part of long.split(' ')) out.push(stem(part))
    else out.push(stem(word))
  }
  return out
}
