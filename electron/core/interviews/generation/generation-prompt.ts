import type { Difficulty } from '../../../../shared/contract/interviews'
import { PROMPT_IDS, type PromptRenderer } from '../prompts'
import type { JobBrief } from '../sources'

const DIFFICULTY_NAME: Record<Difficulty, string> = { warm_up: 'warm-up', standard: 'standard', advanced: 'advanced' }

export interface GenerationRequest {
  job: JobBrief
  difficulty: Difficulty
  count: number
  resumeText: string | null
}

/**
 * Renders the question-generation prompt. The job text and the resume go in as fenced data: a job
 * description may be pasted from anywhere and a resume is written by the candidate.
 */
export function renderGenerationPrompt(prompts: PromptRenderer, request: GenerationRequest) {
  const { job } = request
  return prompts.render(PROMPT_IDS.questionGeneration, {
    job_title: job.title,
    difficulty: DIFFICULTY_NAME[request.difficulty],
    count: String(request.count),
    skills: job.skills.length ? job.skills.join(', ') : '(none listed; take them from the job description)',
    job_description: [job.description, job.requirements && `Requirements:\n${job.requirements}`]
      .filter(Boolean)
      .join('\n\n'),
    resume: request.resumeText ?? '',
  })
}
