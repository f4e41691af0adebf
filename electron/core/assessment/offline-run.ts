import type { AnswerScoreView } from '../../../shared/contract/interviews'
import { heuristicQuality } from '../interviews/engine/heuristic'
import type { PlannedQuestion } from '../interviews/engine/state'
import type { AssessmentDraft } from './draft'
import { FORMULA_VERSION, overallScore } from './formula'
import { integritySignals } from './integrity/signals'
import { isUnanswered } from './passes/per-answer'
import type { AssessmentSubject, SubjectAnswer } from './subject'

const OFFLINE_LABEL =
  'Offline estimate from the heuristic scorer (answer length, expected terms mentioned, structure); no AI was reachable. The AI assessment is queued and replaces this as the latest once a key and network are available.'

/** A follow-up or an answer whose planned question is unknown is judged against its own text alone. */
function questionOf(answer: SubjectAnswer): PlannedQuestion {
  return (
    answer.question ?? {
      id: answer.id,
      position: answer.turnIndex,
      type: 'open_voice',
      text: answer.questionText,
      skill: answer.skill,
      difficulty: answer.difficulty,
      timeLimitSec: 0,
      prepTimeSec: 0,
      retakesAllowed: 0,
      rubric: [],
      expectedPoints: [],
    }
  )
}

/**
 * The clearly labelled offline assessment: the engine's own heuristic per answer, mapped onto 1–5,
 * the same formula, and no recommendation (a heuristic is not enough to recommend on).
 */
export function offlineAssessment(subject: AssessmentSubject): AssessmentDraft {
  const answers: AnswerScoreView[] = subject.answers.map((answer) => {
    const unanswered = isUnanswered(answer)
    const result = unanswered ? null : heuristicQuality(questionOf(answer), answer.text)
    return {
      answerId: answer.id,
      turnIndex: answer.turnIndex,
      questionText: answer.questionText,
      skill: answer.skill,
      isFollowUp: answer.isFollowUp,
      skipped: answer.skipped,
      scores: [
        {
          dimension: 'heuristic',
          score: result ? Math.round((1 + 4 * result.quality) * 10) / 10 : 1,
          reason: result ? `${result.note} (heuristic: no quotes)` : 'No answer was given.',
          quotes: [],
          supported: false,
          droppedQuotes: 0,
        },
      ],
    }
  })
  const overall = overallScore(
    subject.answers.map((answer, i) => ({
      turnIndex: answer.turnIndex,
      difficulty: answer.difficulty,
      skipped: isUnanswered(answer),
      supportedScores: answers[i]!.scores.map((d) => d.score),
    })),
    'heuristic',
  )
  return {
    kind: 'offline',
    rubricVersion: `${subject.rubricRef}/${FORMULA_VERSION}`,
    promptVersion: null,
    model: null,
    temperature: null,
    overallScore: overall.score,
    formula: `${overall.formula} ${OFFLINE_LABEL}`,
    recommendation: null,
    strengths: [],
    weaknesses: [],
    nextSteps: [],
    answers,
    skills: [],
    boundaries: subject.boundaries,
    consistency: [],
    passes: [],
    integrity: integritySignals(subject.answers, subject.events),
  }
}
