import type { ConsentRecord } from './contract/interviews/consent'

/**
 * The candidate asked for a process without the AI interview and did not go on: their latest
 * choice is the alternative. A candidate who asked and then consented after all has gone on.
 * The assessment job and the review screen both decide by this.
 */
export const declinedAiInterview = (record: ConsentRecord) => record.choices.at(-1)?.choice === 'alternative_requested'
