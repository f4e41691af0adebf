import { foundation } from './0001-foundation'
import { screening } from './0010-screening'
import { candidateEvidence } from './0011-candidate-evidence'
import { scoreCopiedPosting } from './0012-score-copied-posting'
import { intakeAcceptNonResume } from './0013-intake-accept-non-resume'
import { aiUsage } from './0020-ai-usage'
import { interviews } from './0030-interviews'
import { recordings } from './0035-recordings'
import { interviewScheduling } from './0036-interview-scheduling'
import { assessments } from './0040-assessments'
import { assessmentDecisions } from './0041-assessment-decisions'
import { webhooks } from './0050-webhooks'
import { selfIdentification } from './0060-self-identification'
import { mailAndFeedback } from './0070-mail-and-feedback'
import { sync } from './0080-sync'
import { statusChangeActor } from './0090-status-change-actor'
import { pulledErasures } from './0100-pulled-erasures'
import { billing } from './0150-billing'
import { workspaceFiles } from './0160-workspace-files'
import type { Migration } from './types'

/**
 * Every migration, in order. Numbering blocks per domain keep parallel work from colliding:
 * 1-9 foundation, 10-19 screening, 20-29 AI providers, 30-39 interviews, 40-49 assessment.
 */
export const migrations: Migration[] = [
  foundation,
  screening,
  candidateEvidence,
  scoreCopiedPosting,
  intakeAcceptNonResume,
  aiUsage,
  interviews,
  recordings,
  interviewScheduling,
  assessments,
  assessmentDecisions,
  webhooks,
  selfIdentification,
  mailAndFeedback,
  sync,
  statusChangeActor,
  pulledErasures,
  billing,
  workspaceFiles,
]
