import type { InvitationKind, InvitationStatus } from './invitations'
import type { FinishReason, InterviewMode, SessionStatus } from './sessions'
import type { Difficulty, QuestionType, RubricCriterion, TemplateSettings, TemplateStatus } from './templates'

/** What the interview requests return: read models for the recruiter's screens and the kiosk. */

export interface QuestionView {
  id: string
  templateId: string
  position: number
  type: QuestionType
  text: string
  skill: string
  difficulty: Difficulty
  timeLimitSec: number
  prepTimeSec: number
  retakesAllowed: number
  rubric: RubricCriterion[]
  expectedPoints: string[]
  source: 'manual' | 'generated'
}

export interface TemplateSummary {
  id: string
  name: string
  description: string
  jobId: string | null
  jobTitle: string | null
  status: TemplateStatus
  /** Raised on every publish; sessions and assessments record the version they used. */
  version: number
  questionCount: number
  settings: TemplateSettings
  createdAt: number
  updatedAt: number
  publishedAt: number | null
}

export interface TemplateDetail extends TemplateSummary {
  questions: QuestionView[]
}

export interface GenerationResult {
  template: TemplateDetail
  added: number
  /** True when the questions came from the cache and no AI call was made. */
  cached: boolean
}

export interface InvitationView {
  id: string
  templateId: string
  templateName: string
  candidateId: string
  candidateName: string
  /** The kiosk code as XXXX-XXXX; only the machine that issued it keeps it (null elsewhere). */
  code: string | null
  status: InvitationStatus
  expiresAt: number
  scheduledAt: number | null
  startedAt: number | null
  completedAt: number | null
  sessionId: string | null
  createdAt: number
  kind: InvitationKind
  /** Room, phone number or meeting link. */
  location: string | null
  /** The application this interview belongs to; null for a template without a job. */
  applicationId: string | null
  /** Every schedule the invitation has had, oldest first. */
  history: InvitationChangeView[]
}

export interface InvitationChangeView {
  change: 'created' | 'rescheduled' | 'cancelled'
  at: number
  scheduledAt: number | null
  expiresAt: number
  location: string | null
}

export interface PickerOption {
  id: string
  name: string
  detail: string | null
}

export interface SkillBoundaryView {
  skill: string
  highestPassed: Difficulty | null
  lowestFailed: Difficulty | null
  /** True once the interview found where the candidate's ability on this skill stops (or topped out). */
  resolved: boolean
  /** An answer on this skill waits for its transcript: its levels were set on no words and are provisional. */
  pending?: boolean
}

export interface SessionSummary {
  id: string
  invitationId: string
  templateId: string
  templateName: string
  candidateId: string
  candidateName: string
  status: SessionStatus
  mode: InterviewMode
  stage: Difficulty | 'done'
  answeredCount: number
  startedAt: number
  lastActivityAt: number
  finishedAt: number | null
  finishReason: FinishReason | null
}

export interface TranscriptWordView {
  word: string
  start: number
  end: number
  confidence?: number
}

export interface AnswerView {
  id: string
  turnIndex: number
  questionId: string | null
  questionText: string
  questionType: QuestionType
  stage: Difficulty
  skill: string
  isFollowUp: boolean
  inputMode: 'voice' | 'text'
  text: string
  transcriptWords: TranscriptWordView[]
  audioPath: string | null
  startedAt: number
  endedAt: number
  responseDelayMs: number
  speechMs: number
  pauses: { startMs: number; durationMs: number }[]
  pastedChars: number
  skipped: boolean
  /**
   * The answer was recorded but its words are not known yet (its transcription is queued or
   * running): its text, its rating and the skill boundary it feeds are provisional.
   */
  transcriptPending: boolean
  /** 0..1; null until the answer has been evaluated. */
  quality: number | null
  qualitySource: 'ai' | 'heuristic' | null
  qualityNote: string | null
  /** For a model's rating: the prompt version and the model that gave it. */
  qualityBy: { prompt: string; model: string | null } | null
}

export interface SessionDetail extends SessionSummary {
  templateVersion: number
  skills: SkillBoundaryView[]
  answers: AnswerView[]
}

/** What the kiosk shows for the question in front of the candidate. */
export interface KioskQuestion {
  /** Increases with every question and follow-up; an answer names the turn it answers. */
  turnIndex: number
  /** Main question number, 1-based (a follow-up keeps its question's number). */
  number: number
  /** Planned number of main questions; it can change as the interview adapts. */
  total: number
  stage: Difficulty
  type: QuestionType
  text: string
  isFollowUp: boolean
  timeLimitSec: number
  prepTimeSec: number
  retakesLeft: number
  recordVideo: boolean
}

export interface KioskTurn {
  status: SessionStatus
  candidateName: string
  title: string
  question: KioskQuestion | null
  elapsedSec: number
  remainingSec: number
  finishReason: FinishReason | null
}

export interface KioskStart {
  /** Presented with every kiosk request; it names this interview and nothing else. */
  token: string
  resumed: boolean
  /** The candidate already consented in this interview (a resume by code does not ask again). */
  consented: boolean
  turn: KioskTurn
}
