/**
 * What feedback to a candidate must never mention: the behavioural integrity signals (kept for a
 * human reviewer, never a reason given to the candidate), inferences the product does not make
 * (emotion, personality, appearance), and the voluntary self-identification kept apart for the
 * fairness report. Each rule names what it found, so the recruiter is told why a text was refused.
 */
const RULES: { label: string; pattern: RegExp }[] = [
  { label: 'integrity signals', pattern: /\bintegrity\b/i },
  {
    label: 'tab or window switching',
    pattern: /\b(switch(ed|es|ing)?|chang(ed|ing)) (between )?(browser )?(tabs?|windows?|apps?)\b|\btab[- ]?switch/i,
  },
  { label: 'focus loss', pattern: /\b(los[st]|losing|loss of|left) (the )?focus\b|\bfocus[- ](loss|lost)\b/i },
  {
    label: 'leaving the interview window',
    pattern:
      /\b(left|leaving|leave|exit(ed|ing)?) (the )?(kiosk|interview window|full[- ]?screen)\b|\bfull[- ]?screen\b/i,
  },
  { label: 'a second screen', pattern: /\b(second|another|extra) (screen|display|monitor)\b/i },
  {
    label: 'face detection',
    pattern:
      /\bfac(e|ial)[- ]?(detect|recogni|track|expression|analys)\w*|\bno face\b|\bface (was )?(not )?(seen|visible|found)\b/i,
  },
  { label: 'pasted answers', pattern: /\bpast(e|ed|es|ing)\b|\bcopy[- ](and[- ])?paste/i },
  {
    label: 'answer timing',
    pattern:
      /\b(answer|response|reply) (timing|latency|delays?)\b|\btiming anomal\w*|\bsilence then\b|\blong silences?\b/i,
  },
  {
    label: 'recited answers',
    pattern: /\brecit(ed|ing|ation|e)\b|\bread (it |them )?(out )?(from|off) (a |the )?(script|screen|notes)\b/i,
  },
  { label: 'suspicion of cheating', pattern: /\bcheat\w*|\bproctor\w*|\bsuspicio\w+|\bplagiar\w*|\bdishonest\w*/i },
  { label: 'retakes', pattern: /\bretak(e|es|en|ing)\b|\bre-?started (the|your) answer\b/i },
  {
    label: 'emotion or personality',
    pattern:
      /\bemotion\w*|\bpersonality\b|\bbody language\b|\beye contact\b|\btone of (your )?voice\b|\b(seemed|appeared|looked|sounded) (nervous|anxious|stressed|calm|confident|unsure|uncomfortable|bored|excited|upset)\b|\bfacial\b/i,
  },
  {
    label: 'self-identification',
    pattern:
      /\bself[- ]identif\w*|\b(race|racial|ethnicity|ethnic)\b|\b(gender|sex)\b|\bage band\b|\byour age\b|\bhow old\b|\bdisab(led|ility|ilities)\b|\breligio\w*|\bpregnan\w*|\bnationality\b/i,
  },
]

/** The labels of everything forbidden the text mentions, in rule order; empty when it is clean. */
export function forbiddenMentions(text: string): string[] {
  return RULES.filter((rule) => rule.pattern.test(text)).map((rule) => rule.label)
}

/** Why a text cannot be sent, in the recruiter's words; null when it can. */
export function refusalFor(text: string): string | null {
  const found = forbiddenMentions(text)
  if (!found.length) return null
  return `This feedback mentions ${found.join(', ')}. Feedback to candidates never mentions integrity signals, how they looked or felt, or anything about who they are: remove it and try again.`
}
