import type { DomainApp } from '../ipc/dispatcher'
import type { JobDefinition } from '../queue/types'
import { autoSendJob } from './auto-send-job'
import { approveDraft, candidateFeedback, createDraft, discardDraft, updateDraft, type FeedbackDeps } from './drafts'
import { readFeedbackPolicy, writeFeedbackPolicy } from './policy'

export type { FeedbackDeps } from './drafts'

export interface FeedbackApp extends DomainApp<'feedback'> {
  jobs: JobDefinition<never>[]
}

/** Feedback to candidates: drafts from allowed facts, the recruiter's review, and sending by email on approval or after the window. */
export function createApp(deps: FeedbackDeps): FeedbackApp {
  return {
    jobs: [autoSendJob(deps) as JobDefinition<never>],
    handlers: {
      'feedback.forCandidate': ({ candidateId }) => candidateFeedback(deps, candidateId),
      'feedback.draft': (input) => createDraft(deps, input),
      'feedback.update': (input) => updateDraft(deps, input),
      'feedback.approve': (input) => approveDraft(deps, input),
      'feedback.discard': ({ id }) => discardDraft(deps, id),
      'feedback.policy': () => readFeedbackPolicy(deps.db),
      'feedback.setPolicy': (policy) => writeFeedbackPolicy(deps.db, policy),
    },
  }
}
