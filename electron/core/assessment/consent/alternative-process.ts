import type { ConsentRecord } from '../../../../shared/contract/interviews/consent'

export const ALTERNATIVE_NOT_SCORED =
  'Not scored: the candidate asked for an alternative process and did not go on with the AI interview'

/**
 * The candidate asked for a process without the AI interview and did not go on: their latest
 * choice is the alternative. A candidate who asked and then consented after all has gone on.
 */
export const declinedAiInterview = (record: ConsentRecord) => record.choices.at(-1)?.choice === 'alternative_requested'
