import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { DomainApp } from '../ipc/dispatcher'
import { adverseImpactReport } from './report'
import { reportCsv } from './report-csv'
import { candidateExists, readSelfIdentification, writeSelfIdentification } from './self-identification'

export interface FairnessDeps {
  db: Kysely<Database>
  clock: Clock
  /** The candidate whose interview a kiosk's session token belongs to; refuses a token that names none. */
  candidateOfToken(token: string): Promise<string>
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
      'fairness.selfIdentifyOffered': async ({ token }) => ({
        offered: await candidateExists(deps.db, await deps.candidateOfToken(token)),
      }),
      'fairness.selfIdentify': async ({ token, answers }) => {
        await writeSelfIdentification(deps, await deps.candidateOfToken(token), answers)
        return { saved: true as const }
      },
      'fairness.report': ({ jobId }) => adverseImpactReport(deps.db, jobId),
      'fairness.reportCsv': ({ jobId }) => reportCsv(deps.db, jobId),
    },
  }
}
