import type { Selectable } from 'kysely'
import { z } from 'zod'
import {
  difficultySchema,
  questionTypeSchema,
  rubricCriterionSchema,
  type QuestionView,
} from '../../../../shared/contract/interviews'
import type { PlannedQuestion } from '../engine/state'
import { readJson } from '../json-column'
import type { InterviewQuestionsTable } from '../tables'

export type QuestionRow = Selectable<InterviewQuestionsTable>

const rubric = z.array(rubricCriterionSchema)
const points = z.array(z.string())

export function toQuestionView(row: QuestionRow): QuestionView {
  return {
    id: row.id,
    templateId: row.template_id,
    position: row.position,
    type: questionTypeSchema.catch('open_voice').parse(row.type),
    text: row.text,
    skill: row.skill,
    difficulty: difficultySchema.catch('standard').parse(row.difficulty),
    timeLimitSec: row.time_limit_sec,
    prepTimeSec: row.prep_time_sec,
    retakesAllowed: row.retakes_allowed,
    rubric: readJson(row.rubric, rubric, []),
    expectedPoints: readJson(row.expected_points, points, []),
    source: row.source,
  }
}

export function toPlannedQuestion(view: QuestionView): PlannedQuestion {
  return {
    id: view.id,
    position: view.position,
    type: view.type,
    text: view.text,
    skill: view.skill,
    difficulty: view.difficulty,
    timeLimitSec: view.timeLimitSec,
    prepTimeSec: view.prepTimeSec,
    retakesAllowed: view.retakesAllowed,
    rubric: view.rubric,
    expectedPoints: view.expectedPoints,
  }
}
