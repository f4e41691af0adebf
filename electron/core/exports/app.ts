import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { DomainApp } from '../ipc/dispatcher'
import { jsonResumeFile } from './json-resume'
import { pipelineCsv } from './pipeline-csv'

export interface ExportsDeps {
  db: Kysely<Database>
  clock: Clock
}

/** Files a recruiter downloads: a job's pipeline as CSV, a candidate as JSON Resume. */
export function createApp(deps: ExportsDeps): DomainApp<'exports'> {
  return {
    handlers: {
      'exports.pipelineCsv': ({ jobId }) => pipelineCsv(deps.db, jobId),
      'exports.jsonResume': ({ candidateId }) => jsonResumeFile(deps.db, candidateId, deps.clock.now()),
    },
  }
}
