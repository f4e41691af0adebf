import type { QuestionView, TemplateDetail } from '../../../../shared/contract/interviews'

/**
 * Why a template cannot be published yet, one plain sentence per problem (empty when it can).
 * A candidate must never meet a question that the assessment has no rubric to judge.
 */
export function publishProblems(template: TemplateDetail): string[] {
  const problems: string[] = []
  if (template.status !== 'draft') problems.push(`Only a draft can be published; this template is ${template.status}`)
  if (template.questions.length === 0) problems.push('Add at least one question')
  const label = (q: QuestionView) =>
    `Question ${q.position + 1} ("${q.text.slice(0, 40)}${q.text.length > 40 ? '…' : ''}")`
  for (const question of template.questions) {
    if (question.rubric.length === 0) problems.push(`${label(question)} needs a rubric with at least one criterion`)
    if (question.rubric.some((c) => c.description.trim() === ''))
      problems.push(`${label(question)} has a rubric criterion without a description`)
  }
  const seen = new Map<string, number>()
  for (const question of template.questions) {
    const key = question.text.trim().toLowerCase()
    if (seen.has(key)) problems.push(`${label(question)} repeats question ${seen.get(key)! + 1}`)
    else seen.set(key, question.position)
  }
  return problems
}
