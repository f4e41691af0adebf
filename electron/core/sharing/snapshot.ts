import type { AssessmentView } from '../../../shared/contract/interviews/assessments'
import type { CandidateDetail } from '../../../shared/contract/screening/views'
import type { ShareInput, SharedSnapshot } from '../../../shared/contract/sharing'

/**
 * The snapshot a link shows, copied field by field from what the recruiter ticked. An allow-list,
 * not a filter: anything added to the candidate or assessment views later (integrity signals,
 * self-identification, recordings, notes) stays out until someone adds it here on purpose.
 */
export function buildSnapshot(
  include: ShareInput['include'],
  candidate: CandidateDetail,
  assessment: AssessmentView | null,
): SharedSnapshot {
  const snapshot: SharedSnapshot = { name: candidate.name }
  if (include.profile) {
    snapshot.title = candidate.currentTitle
    snapshot.years = candidate.totalYears
    snapshot.skills = candidate.skills.map((skill) => skill.name)
  }
  if (include.contact) snapshot.contact = { email: candidate.email, phone: candidate.phone }
  if (include.ranking && candidate.score && candidate.application) {
    snapshot.ranking = {
      job: candidate.application.jobTitle,
      score: candidate.score.score,
      explanation: candidate.score.explanation,
      evidence: candidate.score.matched.map((skill) => `${skill.name}: ${skill.evidence}`),
    }
  }
  if (include.assessment && assessment) {
    snapshot.assessment = {
      overall: assessment.overallScore,
      questions: assessment.answers
        .filter((answer) => !answer.skipped && answer.scores.length > 0)
        .map((answer) => ({
          question: answer.questionText,
          // Dimension scores are 1..5; the page shows their mean, one decimal.
          score: Math.round((answer.scores.reduce((sum, s) => sum + s.score, 0) / answer.scores.length) * 10) / 10,
          reason: answer.scores.map((s) => s.reason).join(' '),
        })),
      strengths: assessment.strengths.map((claim) => claim.text),
      weaknesses: assessment.weaknesses.map((claim) => claim.text),
    }
  }
  return snapshot
}

/** Which sections a stored snapshot holds, for the list of links. */
export function includedSections(snapshot: SharedSnapshot): ('profile' | 'contact' | 'ranking' | 'assessment')[] {
  return (['profile', 'contact', 'ranking', 'assessment'] as const).filter((section) =>
    section === 'profile' ? snapshot.skills !== undefined : snapshot[section] !== undefined,
  )
}
