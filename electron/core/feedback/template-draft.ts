import type { FeedbackFacts } from './facts'

export interface DraftText {
  subject: string
  body: string
}

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`

/** The greeting and sign-off around any body, AI or template: the model never sees the candidate's name. */
export function wrapFeedback(facts: Pick<FeedbackFacts, 'firstName'>, body: string, senderName: string): string {
  return `Dear ${facts.firstName},\n\n${body.trim()}\n\nKind regards,\n${senderName}`
}

export const feedbackSubject = (facts: Pick<FeedbackFacts, 'basis' | 'jobTitle'>) =>
  facts.basis === 'screening'
    ? `Your application for ${facts.jobTitle}: feedback`
    : `Your interview for ${facts.jobTitle}: feedback`

function screeningBody(f: FeedbackFacts): string {
  const parts = [
    `Thank you for applying for the ${f.jobTitle} role. We have decided not to take your application further at this stage, and we would like to tell you what we looked at, in case it helps with your next application.`,
  ]
  if (f.matchedSkills.length)
    parts.push(`Your resume shows clear experience with ${list(f.matchedSkills.slice(0, 6))}, which the role asks for.`)
  if (f.missingSkills.length)
    parts.push(
      `The role also asks for ${list(f.missingSkills.slice(0, 6))}, which we did not find in your resume. If you have this experience, describing it with a concrete example (what you built, and the result) makes it much easier for a reader to see.`,
    )
  if (!f.matchedSkills.length && !f.missingSkills.length)
    parts.push('We compared your resume with the skills and experience the role asks for.')
  parts.push('We wish you every success, and you are welcome to apply for other roles with us.')
  return parts.join('\n\n')
}

function assessmentBody(f: FeedbackFacts): string {
  const strong = f.skills.filter((s) => s.score >= 4).map((s) => s.skill)
  const growing = f.skills.filter((s) => s.score <= 3).map((s) => s.skill)
  const parts = [
    `Thank you for taking the time to interview for the ${f.jobTitle} role. Here is feedback on your answers.`,
  ]
  const went = [...f.strengths.slice(0, 3)]
  if (strong.length) went.push(`Your answers on ${list(strong)} were clear and well supported.`)
  if (went.length) parts.push(`What went well:\n${went.map((s) => `- ${s}`).join('\n')}`)
  const further = [...f.improvements.slice(0, 3)]
  if (growing.length)
    further.push(`On ${list(growing)}, a concrete example from your own work would strengthen your answer.`)
  if (further.length) parts.push(`Where you could go further:\n${further.map((s) => `- ${s}`).join('\n')}`)
  if (!went.length && !further.length)
    parts.push('Your answers were reviewed against the same questions and criteria as every other candidate.')
  parts.push('Thank you again for your time and interest.')
  return parts.join('\n\n')
}

/** Feedback written from the allowed facts alone, for when no AI is available or its draft was refused. */
export function templateDraft(facts: FeedbackFacts, senderName: string): DraftText {
  const body = facts.basis === 'screening' ? screeningBody(facts) : assessmentBody(facts)
  return { subject: feedbackSubject(facts), body: wrapFeedback(facts, body, senderName) }
}
