import type { Kysely } from 'kysely'
import { StudioError } from '../../../../shared/contract/errors'
import type {
  AnswerScoreView,
  AssessmentView,
  ComparedCandidate,
  ComparedQuestion,
  JobComparison,
} from '../../../../shared/contract/interviews'
import { pipelineStatusSchema } from '../../../../shared/contract/screening'
import type { Database } from '../../db/schema'
import { readAssessments } from '../store'
import { assessedSessionsOfJob, type AssessedSession } from './assessed-sessions'

/** One answer's score on the 1..5 scale: the mean of its dimensions, to one decimal. */
export function questionScore(answer: AnswerScoreView): ComparedQuestion {
  const scores = answer.scores.map((s) => s.score)
  const mean = scores.length ? scores.reduce((sum, s) => sum + s, 0) / scores.length : null
  return {
    turnIndex: answer.turnIndex,
    questionText: answer.questionText,
    skill: answer.skill,
    isFollowUp: answer.isFollowUp,
    skipped: answer.skipped,
    score: mean === null ? null : Math.round(mean * 10) / 10,
  }
}

export function comparedCandidate(session: AssessedSession, assessment: AssessmentView): ComparedCandidate {
  return {
    candidateId: session.candidateId,
    candidateName: session.candidateName,
    applicationId: session.applicationId,
    // A synced row from another version may hold a status this one does not know.
    pipelineStatus: pipelineStatusSchema.catch('new').parse(session.pipelineStatus),
    sessionId: session.sessionId,
    finishedAt: session.finishedAt,
    assessmentId: assessment.id,
    assessmentKind: assessment.kind,
    overallScore: assessment.overallScore,
    recommendation: assessment.recommendation,
    integrityCount: assessment.integrity.length,
    skills: assessment.skills.map(({ skill, score }) => ({ skill, score })),
    questions: assessment.answers.map(questionScore),
  }
}

/** The job's assessed candidates side by side, each from their latest interview's latest assessment. */
export async function compareJob(db: Kysely<Database>, jobId: string): Promise<JobComparison> {
  const job = await db
    .selectFrom('job_openings')
    .select(['id', 'title'])
    .where('id', '=', jobId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!job) throw new StudioError('not_found', 'No such job')
  const sessions = await assessedSessionsOfJob(db, jobId)
  const candidates = await Promise.all(
    sessions.map(async (session) => {
      const [latest] = await readAssessments(db, session.sessionId)
      return latest ? comparedCandidate(session, latest) : null
    }),
  )
  return {
    jobId: job.id,
    jobTitle: job.title,
    candidates: candidates
      .filter((c): c is ComparedCandidate => c !== null)
      .sort((a, b) => b.overallScore - a.overallScore || a.candidateName.localeCompare(b.candidateName)),
  }
}
