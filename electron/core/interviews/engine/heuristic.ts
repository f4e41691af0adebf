import type { QuestionType } from '../../../../shared/contract/interviews'
import type { PlannedQuestion } from './state'

/**
 * The offline answer-quality estimate used when no AI evaluation is available. It is deliberately
 * simple and explainable: how long the answer is against what the question needs, how many of the
 * rubric's and expected points' terms it mentions, and whether it has the expected shape (the STAR
 * parts for behavioural questions, reasoning words otherwise). The note says exactly why.
 */

export interface HeuristicResult {
  quality: number
  note: string
  words: number
  matchedTerms: string[]
  missingTerms: string[]
}

const TARGET_WORDS: Record<QuestionType, number> = {
  open_voice: 70,
  video: 70,
  technical: 110,
  behavioural_star: 120,
}

const STOPWORDS = new Set(
  'about above after again also answer because been before being below between both candidate could describe does doing during each example explain from have having into just more most other over own same should some such than that their them then there these they this those through under until very what when where which while will with would your'.split(
    ' ',
  ),
)

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}+#.-]*/gu) ?? []

/** Crude stemming, enough that "caching" meets "cache" and "queues" meets "queue". */
const stem = (word: string): string => word.replace(/(?:ing|ed|es|s)$/u, '').replace(/e$/u, '')

/** The terms a good answer is expected to use, most specific first (expected points, then rubric). */
export function expectedTerms(question: PlannedQuestion): string[] {
  const sources = [
    ...question.expectedPoints,
    question.skill,
    ...question.rubric.map((criterion) => `${criterion.name} ${criterion.description}`),
  ]
  const seen = new Set<string>()
  const terms: string[] = []
  for (const source of sources) {
    for (const word of words(source)) {
      const cleaned = word.replace(/[.-]+$/u, '')
      if (cleaned.length < 4 || STOPWORDS.has(cleaned)) continue
      const key = stem(cleaned)
      if (seen.has(key)) continue
      seen.add(key)
      terms.push(cleaned)
    }
  }
  return terms.slice(0, 12)
}

const STAR_PARTS: [string, RegExp][] = [
  ['situation', /\b(when i|at my|in my (?:last|previous|current)|situation|project|once|last year)\b/iu],
  ['task', /\b(my (?:role|task|job|goal|responsibility)|i needed to|i had to|we needed to|responsible for)\b/iu],
  [
    'action',
    /\bi (?:decided|built|wrote|led|talked|spoke|created|designed|implemented|organi[sz]ed|proposed|changed|started|set up|asked|worked)\b/iu,
  ],
  ['result', /\b(result|outcome|in the end|reduced|increased|improved|saved|learned|\d+\s?(?:%|percent))\b/iu],
]

const REASONING =
  /\b(because|therefore|so that|trade-?offs?|for example|for instance|however|which means|depends|instead|compared)\b/giu

function structureScore(type: QuestionType, text: string): { score: number; note: string } {
  if (type === 'behavioural_star') {
    const found = STAR_PARTS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name)
    return { score: found.length / STAR_PARTS.length, note: `STAR parts heard: ${found.join(', ') || 'none'}` }
  }
  const count = text.match(REASONING)?.length ?? 0
  return { score: Math.min(1, count / 3), note: `${count} reasoning marker${count === 1 ? '' : 's'}` }
}

const clamp01 = (value: number) => Math.max(0, Math.min(1, value))

export function heuristicQuality(question: PlannedQuestion, answer: string): HeuristicResult {
  const answerWords = words(answer)
  const target = Math.round(TARGET_WORDS[question.type] * (question.difficulty === 'warm_up' ? 0.6 : 1))
  const length = clamp01((answerWords.length - 3) / (target - 3))

  const terms = expectedTerms(question)
  const answerStems = new Set(answerWords.map((word) => stem(word.replace(/[.-]+$/u, ''))))
  const matchedTerms = terms.filter((term) => answerStems.has(stem(term)))
  const missingTerms = terms.filter((term) => !answerStems.has(stem(term)))
  // Covering half of the expected terms is a complete answer: nobody says every word of a rubric.
  const coverage = terms.length ? clamp01(matchedTerms.length / Math.max(2, Math.ceil(terms.length / 2))) : length

  const structure = structureScore(question.type, answer)
  const quality =
    answerWords.length === 0 ? 0 : Math.round((0.4 * length + 0.4 * coverage + 0.2 * structure.score) * 100) / 100
  const note =
    `${answerWords.length} words (about ${target} expected); ` +
    (terms.length ? `mentioned ${matchedTerms.length} of ${terms.length} expected terms` : 'no expected terms given') +
    (matchedTerms.length ? ` (${matchedTerms.join(', ')})` : '') +
    `; ${structure.note}.`
  return { quality, note, words: answerWords.length, matchedTerms, missingTerms }
}
