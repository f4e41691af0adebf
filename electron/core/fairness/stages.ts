import type { Stage } from '../../../shared/contract/fairness'

/** What the report knows about one application, from the pipeline and the job's interviews. */
export interface ApplicationFacts {
  status: string
  /** The application's status changes, oldest first. */
  changes: { to: string; kind: 'import' | 'set' | 'undo' }[]
  /** A finished interview on one of the job's templates. */
  interviewed: boolean
  /** The decision that stands on that interview. */
  decision: 'advance' | 'hold' | 'reject' | null
}

export type StageOutcome = { considered: boolean; selected: boolean }

const PAST_SCREENING = new Set(['shortlisted', 'interviewing', 'offer', 'hired'])
const PAST_INTERVIEW = new Set(['offer', 'hired'])

export const STAGE_RULES: Record<Stage, string> = {
  screening:
    'Every applicant is considered; selected means the application reached shortlisted, interviewing, offer or hired at any point (a change that was undone does not count).',
  interview:
    "Considered means the candidate finished an interview for this job or reached interviewing; selected means the application reached offer or hired, or the interview's standing decision is 'advance'.",
}

/**
 * Every status the application stood at, undone changes left out: a candidate shortlisted and then
 * rejected after the interview still passed screening, while a mis-click that was undone did not.
 */
function statusesReached(facts: ApplicationFacts): Set<string> {
  const path: string[] = []
  for (const change of facts.changes) {
    if (change.kind === 'undo') path.pop()
    else path.push(change.to)
  }
  return new Set([...path, facts.status])
}

/** Whether the application was considered and selected at each stage (see STAGE_RULES). */
export function stageOutcomes(facts: ApplicationFacts): Record<Stage, StageOutcome> {
  const reached = statusesReached(facts)
  const any = (set: Set<string>) => [...reached].some((status) => set.has(status))
  const passedInterview = any(PAST_INTERVIEW) || facts.decision === 'advance'
  return {
    screening: { considered: true, selected: any(PAST_SCREENING) },
    interview: {
      considered: facts.interviewed || reached.has('interviewing') || passedInterview,
      selected: passedInterview,
    },
  }
}
