import { z } from 'zod'
import type { PromptLibrary } from '../ai/prompts/library'
import type { Chat } from '../ai/types'
import type { FeedbackFacts } from './facts'

export const FEEDBACK_PROMPT = 'candidate-feedback'

const replySchema = z.object({ body: z.string().min(40).max(6000) })

/**
 * What the model is given: the allowed facts without the candidate's name (the app adds the
 * greeting), labelled so a reader can check them against the draft.
 */
export function factsForModel(facts: FeedbackFacts): string {
  const lines: string[] = []
  if (facts.basis === 'screening') {
    lines.push(`Skills the role asks for that the resume shows: ${facts.matchedSkills.join(', ') || '(none found)'}`)
    lines.push(`Skills the role asks for that the resume does not show: ${facts.missingSkills.join(', ') || '(none)'}`)
  } else {
    lines.push('Questions (score 1 to 5, and the reviewer’s notes):')
    for (const a of facts.answers)
      lines.push(
        `- ${a.question} [skill: ${a.skill}; score ${a.score}]${a.notes.map((n) => `\n  note: ${n}`).join('')}`,
      )
    lines.push('Skill scores (1 to 5):')
    for (const s of facts.skills) lines.push(`- ${s.skill}: ${s.score}. ${s.reason}`)
    lines.push(`Strengths: ${facts.strengths.map((s) => `\n- ${s}`).join('') || '(none noted)'}`)
    lines.push(`Areas to improve: ${facts.improvements.map((s) => `\n- ${s}`).join('') || '(none noted)'}`)
  }
  return lines.join('\n')
}

/** The model's body of the feedback, from the allowed facts only. */
export async function aiFeedbackBody(
  chat: Chat,
  prompts: PromptLibrary,
  facts: FeedbackFacts,
): Promise<{ body: string; promptRef: string }> {
  const rendered = prompts.render(FEEDBACK_PROMPT, {
    job_title: facts.jobTitle,
    stage: facts.basis === 'screening' ? 'after the screening of their resume' : 'after their interview',
    facts: factsForModel(facts),
  })
  const reply = await chat.structured({
    messages: rendered.messages,
    schema: replySchema,
    schemaName: 'candidate_feedback',
    temperature: 0.4,
    maxTokens: 900,
  })
  return { body: reply.body, promptRef: rendered.ref }
}
