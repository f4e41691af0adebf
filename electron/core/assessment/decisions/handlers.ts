import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import type { Handler } from '../../ipc/dispatcher'
import type { OutgoingEvents } from '../../outgoing-events'
import { recordDecision } from './decide'
import { readSessionDecisions } from './history'
import { recordOverride } from './override'

/**
 * Who decisions are recorded as. The studio has no recruiter accounts or name setting yet, so every
 * decision made on this machine names the local recruiter by role.
 */
export const LOCAL_AUTHOR = 'recruiter'

export interface DecisionHandlers {
  'assessments.decisions': Handler<'assessments.decisions'>
  'assessments.decide': Handler<'assessments.decide'>
  'assessments.override': Handler<'assessments.override'>
}

/** The recruiter's decisions and score overrides on a finished interview. */
export function decisionHandlers(deps: {
  db: Kysely<Database>
  writer: SyncedWriter
  outgoing: OutgoingEvents
}): DecisionHandlers {
  const writing = { db: deps.db, writer: deps.writer, author: LOCAL_AUTHOR }
  return {
    'assessments.decisions': ({ sessionId }) => readSessionDecisions(deps.db, sessionId),
    'assessments.decide': (input) => recordDecision({ ...writing, outgoing: deps.outgoing }, input),
    'assessments.override': (input) => recordOverride(writing, input),
  }
}
