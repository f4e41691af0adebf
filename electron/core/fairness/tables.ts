/*
 * Self-identification lives in its own local table, keyed by candidate, and only the fairness
 * report reads it. Values are the contract's category names; null is "not answered".
 */

export interface SelfIdentificationsTable {
  candidate_id: string
  sex: string | null
  race: string | null
  age_band: string | null
  updated_at: number
}

export interface FairnessTables {
  self_identifications: SelfIdentificationsTable
}
