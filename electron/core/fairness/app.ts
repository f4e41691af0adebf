import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { DomainApp } from '../ipc/dispatcher'
import { adverseImpactReport } from './report'
import { reportCsv } from './report-csv'
import { readSelfIdentification, writeSelfIdentification } from './self-identification'

export interface FairnessDeps {
  db: Kysely<Database>
  clock: Clock
}

/**
 * Voluntary self-identification and the adverse-impact report that counts it. This domain is the
 * only reader of the self_identifications table: scoring, assessment and review never join it.
 */
export function createApp(deps: FairnessDeps): DomainApp<'fairness'> {
  return {
    handlers: {
      'fairness.selfId': ({ candidateId }) => readSelfIdentification(deps.db, candidateId),
      'fairness.setSelfId': ({ candidateId, answers }) => writeSelfIdentification(deps, candidateId, answers),
      'fairness.report': ({ jobId }) => adverseImpactReport(deps.db, jobId),
      'fairness.reportCsv': ({ jobId }) => reportCsv(deps.db, jobId),
    },
  }
}
