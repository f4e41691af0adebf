import type { QuotaKind } from '../../../shared/contract/billing'

/** Whether a piece of AI work may start; refused, `message` says what ran out and who can change it. */
export type Admission = { ok: true } | { ok: false; message: string }

/**
 * The quota check in front of every AI interview and AI job. `work` names the piece of work the
 * same way on every attempt (a queue job's id), so a retried job is counted once.
 */
export interface QuotaGate {
  admit(work: string, kind: QuotaKind): Promise<Admission>
  /** The work did not start after all: the units go back, and its next attempt asks afresh. */
  release(work: string): Promise<void>
}

/** For domains built without billing (their own tests, a studio without sync): everything may start. */
export const UNMETERED: QuotaGate = {
  admit: () => Promise.resolve({ ok: true }),
  release: () => Promise.resolve(),
}
