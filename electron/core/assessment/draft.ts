import type { AssessmentView, PassUsageView } from '../../../shared/contract/interviews'

/** A pass's usage as stored: cost in nano-dollars so sums stay exact (shown in dollars). */
export interface StoredPassUsage extends Omit<PassUsageView, 'costUsd'> {
  costNano: number
}

/** An assessment before it is stored: everything the view shows except what storage assigns. */
export interface AssessmentDraft extends Omit<AssessmentView, 'id' | 'sessionId' | 'createdAt' | 'passes' | 'costUsd'> {
  passes: StoredPassUsage[]
}
