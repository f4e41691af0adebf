/**
 * The keyless demo's answer to "Generate questions": one question per skill named in the app's own
 * prompt ("Skills to cover, most important first: …"), worded for the difficulty it asks for. A real
 * model writes better ones; these at least are about the job, distinct, and valid drafts.
 */

const TEMPLATES: Record<string, (skill: string, role: string) => string> = {
  'warm-up': (skill, role) =>
    `What drew you to work with ${skill}, and how does it fit the ${role} role you are applying for?`,
  standard: (skill) =>
    `Tell me about a time you used ${skill} to solve a real problem. What did you do, and what was the result?`,
  advanced: (skill) =>
    `What are the hardest trade-offs you have faced with ${skill}, and how would you decide between them in production?`,
}

interface DemoQuestion {
  text: string
  type: 'open_voice' | 'technical' | 'behavioural_star'
  skill: string
  timeLimitSec: number
  rubric: { name: string; description: string; weight: number }[]
  expectedPoints: string[]
}

const field = (prompt: string, pattern: RegExp) => prompt.match(pattern)?.[1]?.trim() ?? ''

/** Null when the prompt is not a question-generation request. */
export function demoQuestions(prompt: string): { questions: DemoQuestion[] } | null {
  if (!/Skills to cover, most important first:/.test(prompt)) return null
  const role = field(prompt, /Role: ([^\n]*?)\. Difficulty:/) || 'this'
  const difficulty = field(prompt, /Difficulty: ([\w-]+)\./) || 'standard'
  const count = Math.min(12, Math.max(1, Number(field(prompt, /Number of questions: (\d+)/)) || 3))
  const named = field(prompt, /Skills to cover, most important first: ([^\n]*)/)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const skills = named.length ? named : ['your main area of work']
  const ask = TEMPLATES[difficulty] ?? TEMPLATES.standard!
  return {
    questions: Array.from({ length: Math.min(count, skills.length) }, (_, i) => {
      const skill = skills[i]!
      return {
        text: ask(skill, role),
        type: difficulty === 'warm-up' ? 'open_voice' : difficulty === 'advanced' ? 'technical' : 'behavioural_star',
        skill,
        timeLimitSec: difficulty === 'advanced' ? 180 : 120,
        rubric: [
          { name: 'Concrete example', description: `Describes a real situation where ${skill} was used`, weight: 3 },
          { name: 'Reasoning', description: 'Explains why, not only what', weight: 2 },
        ],
        expectedPoints: [`A specific use of ${skill}`, 'The outcome, measured where possible'],
      }
    }),
  }
}
