export const ALTERNATIVE_NOT_SCORED =
  'Not scored: the candidate asked for an alternative process and did not go on with the AI interview'
