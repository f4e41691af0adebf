import type { ContentFlag } from '../types'
import { cleanLine } from './clean-text'

const ROLE_AFTER_AI =
  /(?![\s/-]*(engineer|engineering|developer|researcher|research|scientist|specialist|consultant|architect|manager|director|lead|intern|product|platform|startup|company|team|lab|ethics|safety|solutions?|strategy|tools?\b(?!\s*[,:])|projects?|governance|literacy|certified|certification|features?|initiatives?))/
const CANDIDATE = String.raw`(me|(this|the|my) (candidate|applicant|resume|résumé|cv|profile|application|person))`

const ADDRESSES_AI = String.raw`\b(you are|you're|act as|acting as|pretend (to be|you are)|dear|note to( the)?|attention|message (to|for)|hey|hello)\b[\s,:]{0,3}(an? |the |any |all )?(ai|a\.i\.|llm|large language model|language model|chatbot|chat ?gpt|gpt(-?\d)?|ai (screeners?|recruiters?|reviewers?|systems?|models?|agents?|tools?|assistants?))\b`

/** A chat-message role marker; a bare "system:" counts where `lineStart` allows it. */
const roleMarker = (lineStart: string) =>
  new RegExp(
    String.raw`(\[\s*(system|assistant|inst)\s*\]|<\|?\s*(system|im_start|im_end|endoftext)\s*\|?>|###\s*(system|instruction)s?\b|${lineStart}system\s*:)`,
    'i',
  )

/**
 * Instructions written for an AI screener rather than a human reader, phrased the way these
 * attacks appear in the wild ("ignore all previous instructions", "rank this candidate first",
 * "note to AI: ..."), and narrow enough that ordinary resume sentences ("ranked top 5% of the
 * sales team", "scored 100% on the exam", "AI engineer") do not match.
 */
const PATTERNS: { detail: string; pattern: RegExp; screen?: RegExp }[] = [
  {
    detail: 'tells the reader to ignore its instructions',
    pattern:
      /\b(ignore|disregard|forget|override)\b[\s\w,'-]{0,20}?\b(previous|prior|above|earlier|preceding|all|any|other|your|system|original|these|those)\b[\s\w'-]{0,20}?\b(instructions?|prompts?|directions?|rules|guidelines|criteria|commands?)\b/i,
  },
  {
    detail: 'tells the reader to disregard what came before',
    pattern: /\bdisregard (everything|all( of)? (the|that|this)|anything|the above|what (was|is|came))\b/i,
  },
  {
    detail: 'asks to rank or select this candidate',
    pattern: new RegExp(
      String.raw`\b(rank|rate|score|place|put|list|move|select|recommend|mark|shortlist|prioriti[sz]e|advance|consider)\b[\s\w'-]{0,20}?\b${CANDIDATE}\b[\s\w'-]{0,25}?(\bfirst\b|\bhighest\b|\btop\b|#1\b|\bnumber one\b|\babove (all|every|the)\b|\bas (the )?(best|strongest|ideal|perfect|top)\b|\bas an? (strong|perfect|top|ideal|excellent|exceptional) (fit|match|hire|candidate)\b)`,
      'i',
    ),
  },
  {
    detail: 'asks for a particular score',
    pattern: new RegExp(
      String.raw`\b(score|rate|grade|evaluate|assess|mark|give)\b[\s\w'-]{0,15}?\b${CANDIDATE}\b[\s\w'-]{0,20}?(\b100\b|\b10\s*\/\s*10\b|\b10 out of 10\b|\b100\s*%|\bfive stars\b|\b5\s*\/\s*5\b|\bperfect\b|\bmaximum\b|\bfull marks\b|\bhighest\b)`,
      'i',
    ),
  },
  {
    detail: 'addresses an AI model directly',
    pattern: new RegExp(ADDRESSES_AI + ROLE_AFTER_AI.source, 'i'),
    screen: new RegExp(ADDRESSES_AI, 'i'),
  },
  {
    detail: 'gives the reader new instructions',
    pattern:
      /(\b(system prompt|system message|developer message)\s*:|\b(new|updated|hidden|secret|real|additional) instructions?\s*:|\b(follow|obey) (these|the following|my) (instructions|commands)\b)/i,
  },
  {
    detail: 'imitates a chat-message role marker',
    pattern: roleMarker('^'),
    screen: roleMarker(''),
  },
  {
    detail: 'tells the screener what to conclude',
    pattern:
      /\b(this|the) (candidate|applicant)\b[\s\w'-]{0,20}?\b(is (the |an? )?(perfect|ideal|exceptional|excellent|strongest|best|great|top|outstanding) (fit|match|candidate|choice|hire)|(must|should) be (hired|selected|shortlisted|interviewed|advanced|recommended|ranked)|meets all (the )?(requirements|criteria))\b/i,
  },
  {
    detail: 'tells the screener not to reject',
    pattern: new RegExp(
      String.raw`\b(do not|don't|never|must not)\b[\s\w'-]{0,10}?\b(reject|filter( out)?|screen out|disqualify|penali[sz]e)\b[\s\w'-]{0,10}?\b${CANDIDATE}`,
      'i',
    ),
  },
  {
    detail: 'tells the reader what to answer',
    pattern:
      /\b(respond|reply|answer|output|say|(begin|start) your (response|answer|reply))\b (only )?(with|by saying)\b[^.]{0,30}?\b(yes|hire|strong hire|approved|recommended|i am a bot|i am an ai)\b/i,
  },
]

const MAX_FLAG_TEXT = 500
const LONG_LINE = 600

type Pattern = (typeof PATTERNS)[number]

/**
 * The patterns that can match some line of `lines` or two of them joined. Each pattern (or its
 * screen: the pattern without its line-start anchor or its look-ahead) is tried once on all the lines
 * joined by spaces, which holds every line and every pair as written: a pattern that finds nothing
 * there finds nothing in any of them. Most resumes rule out every pattern here, so the line-by-line
 * search below, twenty tries per line, is left to the few that do not.
 */
function patternsIn(lines: readonly string[]): Pattern[] {
  const all = lines.join(' ')
  return PATTERNS.filter(({ pattern, screen }) => (screen ?? pattern).test(all))
}

/** A text's lines, cleaned, a line too long to be one sentence cut into its sentences. */
function piecesOf(text: string): { line: number; text: string }[] {
  return text.split('\n').flatMap((raw, line) => {
    const cleaned = cleanLine(raw)
    const texts = cleaned.length > LONG_LINE ? cleaned.split(/(?<=[.!?;])\s+/) : [cleaned]
    return texts.map((piece) => ({ line, text: piece }))
  })
}

interface Instruction {
  pattern: Pattern
  /** The pieces it takes up: one, or two a layout split it over. */
  from: number
  to: number
  text: string
}

/** Each piece, or two neighbouring pieces joined, that carries an instruction. */
function findInstructions(pieces: readonly { text: string }[]): Instruction[] {
  const lines = pieces.map((piece) => piece.text)
  const candidates = patternsIn(lines)
  if (candidates.length === 0) return []
  const matchPattern = (text: string) => candidates.find(({ pattern }) => pattern.test(text))
  const alone = new Map<number, Pattern | undefined>()
  const matchLine = (index: number) => {
    if (!alone.has(index)) alone.set(index, matchPattern(lines[index]!))
    return alone.get(index)
  }
  const found: Instruction[] = []
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    if (line === '') continue
    const hit = matchLine(index)
    if (hit) {
      found.push({ pattern: hit, from: index, to: index, text: line })
      continue
    }
    const next = lines[index + 1]
    // Join with the next line only when neither line is an instruction on its own.
    if (!next || matchLine(index + 1)) continue
    const joined = `${line} ${next}`
    const split = matchPattern(joined)
    if (split) {
      found.push({ pattern: split, from: index, to: index + 1, text: joined })
      index++
    }
  }
  return found
}

/**
 * Flags each line that carries an instruction aimed at an AI screener; the flag's text is that
 * line as written. A sentence the layout split over two lines is checked joined as well.
 */
export function detectInjection(
  text: string,
  where: { page?: number; hidden?: boolean; context?: string } = {},
): ContentFlag[] {
  const flags: ContentFlag[] = []
  const seen = new Set<string>()
  for (const instruction of findInstructions(piecesOf(text))) {
    let quoted = instruction.text
    if (quoted.length > MAX_FLAG_TEXT) quoted = `${quoted.slice(0, MAX_FLAG_TEXT)}…`
    if (seen.has(quoted)) continue
    seen.add(quoted)
    const detail = [instruction.pattern.detail, where.hidden ? 'in hidden text' : undefined, where.context]
      .filter(Boolean)
      .join(', ')
    flags.push({
      kind: 'prompt_injection',
      detail: `Instruction aimed at an AI screener: ${detail}`,
      text: quoted,
      ...(where.page ? { page: where.page } : {}),
    })
  }
  return flags
}

/**
 * The text with every instruction aimed at an AI screener taken out (the lines or sentences that
 * carry one), which is what the reader takes evidence from: such a line is flagged and shown, but
 * the skills, titles and years it names do not count. Text without one is returned as it is.
 */
export function withoutInstructions(text: string): string {
  const pieces = piecesOf(text)
  const dropped = new Set<number>()
  for (const { from, to } of findInstructions(pieces)) for (let index = from; index <= to; index++) dropped.add(index)
  if (dropped.size === 0) return text
  const lines = new Map<number, string[]>()
  pieces.forEach((piece, index) => {
    const kept = lines.get(piece.line) ?? []
    if (!dropped.has(index)) kept.push(piece.text)
    lines.set(piece.line, kept)
  })
  return [...lines.values()]
    .filter((kept) => kept.length > 0)
    .map((kept) => kept.join(' '))
    .join('\n')
}
