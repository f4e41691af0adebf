import { z } from 'zod'
import { assessmentRequests } from './assessments'
import { compareRequests } from './compare'
import { consentRequests } from './consent'
import { decisionRequests } from './decisions'
import { invitationRequests } from './invitations'
import { recordingRequests } from './recordings'
import { sessionRequests } from './sessions'
import { templateRequests } from './templates'
import type { SessionSummary } from './views'

/**
 * Interviews: templates and their questions, AI question generation, kiosk invitations, and the
 * interview sessions a candidate takes at the kiosk. Kiosk requests carry a session token and only
 * ever return that candidate's own interview; everything else is for recruiters. Assessments of
 * finished interviews belong here too: they are read beside the session they assess.
 */

export * from './assessments'
export * from './compare'
export * from './consent'
export * from './decisions'
export * from './invitations'
export * from './recordings'
export * from './sessions'
export * from './templates'
export * from './views'

export const interviewRequests = {
  ...templateRequests,
  ...invitationRequests,
  ...sessionRequests,
  ...assessmentRequests,
  ...decisionRequests,
  ...recordingRequests,
  ...consentRequests,
  ...compareRequests,
}

export const interviewEvents = {
  /** A session started, moved on, finished or was abandoned (recruiter windows only). */
  'interviews.session': z.custom<SessionSummary>(),
}
