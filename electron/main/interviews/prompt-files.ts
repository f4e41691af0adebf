import fs from 'node:fs/promises'
import path from 'node:path'
import type { InterviewPrompts, PromptText } from './prompts'

/**
 * Reads one prompt file: Markdown with a front matter block giving its name and version.
 * The version is recorded with everything the prompt produces, so a result can be explained.
 */
export async function readPromptFile(file: string): Promise<PromptText> {
  const raw = await fs.readFile(file, 'utf8')
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/u.exec(raw.replace(/\r\n/gu, '\n'))
  if (!match) throw new Error(`${path.basename(file)} has no front matter`)
  const version = /^version:\s*(\S+)\s*$/mu.exec(match[1]!)?.[1]
  if (!version) throw new Error(`${path.basename(file)} has no version`)
  const name = /^name:\s*(\S+)\s*$/mu.exec(match[1]!)?.[1] ?? path.basename(file, '.md')
  return { version: `${name}@${version}`, text: match[2]!.trim() }
}

export async function loadInterviewPrompts(promptsDir: string): Promise<InterviewPrompts> {
  const [questionGeneration, answerEvaluation, acknowledgement] = await Promise.all([
    readPromptFile(path.join(promptsDir, 'question-generation.md')),
    readPromptFile(path.join(promptsDir, 'interviewer.evaluate.md')),
    readPromptFile(path.join(promptsDir, 'interviewer.acknowledge.md')),
  ])
  return { questionGeneration, answerEvaluation, acknowledgement }
}
