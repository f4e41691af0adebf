import type {
  Difficulty,
  FinishReason,
  InvitationKind,
  InvitationStatus,
  QuestionType,
  SessionStatus,
  TemplateStatus,
} from '../../../../shared/contract/interviews'

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  open_voice: 'Open (voice)',
  video: 'Video answer',
  technical: 'Technical explanation',
  behavioural_star: 'Behavioural (STAR)',
}

export const INVITATION_KIND_LABELS: Record<InvitationKind, string> = {
  ai_interview: 'AI interview (kiosk)',
  in_person: 'In person',
  phone: 'Phone call',
  video_call: 'Video call',
}

export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  warm_up: 'Warm-up',
  standard: 'Standard',
  advanced: 'Advanced',
}

export const TEMPLATE_STATUS_LABELS: Record<TemplateStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  archived: 'Archived',
}

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  pending: 'Pending',
  started: 'Started',
  completed: 'Completed',
  expired: 'Expired',
  cancelled: 'Cancelled',
}

export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  in_progress: 'In progress',
  completed: 'Completed',
  abandoned: 'Abandoned',
}

export const FINISH_REASON_LABELS: Record<FinishReason, string> = {
  completed: 'All planned questions asked',
  boundary_found: 'Skill boundary found',
  question_limit: 'Question limit reached',
  time_limit: 'Time limit reached',
  candidate_finished: 'Ended by the candidate',
  abandoned: 'No activity for 30 minutes',
}

export function formatTime(epochMs: number | null): string {
  if (epochMs === null) return '—'
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`
}

/** An epoch as a datetime-local input's value, in the recruiter's own time zone. */
export function toLocalInput(epochMs: number | null): string {
  if (epochMs === null) return ''
  const local = new Date(epochMs - new Date(epochMs).getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 16)
}

/** When the candidate can take the interview: from its start (or at once) until the window ends. */
export function formatWindow(scheduledAt: number | null, expiresAt: number): string {
  return scheduledAt === null
    ? `Any time until ${formatTime(expiresAt)}`
    : `${formatTime(scheduledAt)} – ${formatTime(expiresAt)}`
}
