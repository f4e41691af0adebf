import type { SyncStatus } from '@shared/contract/sync'
import type { Studio, StudioOptions } from '@core/studio'
import type { SyncedTable } from '@core/db/synced'
import { createTempStudio } from '../../helpers/temp-studio'
import { budget } from '../../helpers/patience'

/** Calls a request as the recruiter's window does, throwing its error. */
export async function call<T>(studio: Studio, name: string, input: object = {}): Promise<T> {
  const result = await studio.dispatch(name, input, { audience: 'recruiter' })
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

/** A studio in its own data folder, adopted into the workspace; it syncs only when asked. */
export async function workspaceStudio(workspace: string, overrides: Partial<StudioOptions>) {
  const opened = await createTempStudio({ ...overrides, sync: { intervalMs: 3_600_000, ...overrides.sync } })
  await call(opened.studio, 'sync.adopt', { workspaceId: workspace })
  await opened.studio.queue.idle()
  return opened
}

/** Waits for an outcome, not for time: polls `check` until it answers, within a load-scaled budget. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, idleMs = 10_000): Promise<T> {
  const until = Date.now() + budget(idleMs)
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export async function waitForStatus(studio: Studio, matches: (status: SyncStatus) => boolean, idleMs?: number) {
  return eventually(async () => {
    const status = await call<SyncStatus>(studio, 'sync.status')
    return matches(status) ? status : undefined
  }, idleMs)
}

/** Runs one sync through the queue, as the indicator's Sync now does, and waits for it to settle. */
export async function syncNow(studio: Studio): Promise<SyncStatus> {
  await call(studio, 'sync.now')
  await studio.queue.idle()
  return call<SyncStatus>(studio, 'sync.status')
}

export const CANDIDATE = {
  email: null,
  phone: null,
  email_key: null,
  phone_key: null,
  links: '[]',
  current_title: null,
  total_years: 3,
  education_level: 'bachelor',
  tags: '[]',
  current_file_id: null,
}

export async function addCandidate(studio: Studio, name: string, id?: string): Promise<string> {
  return studio.db
    .transaction()
    .execute((trx) => studio.writer.insert(trx, 'candidates', { ...CANDIDATE, name, ...(id ? { id } : {}) }))
}

export async function editCandidate(studio: Studio, id: string, patch: Record<string, unknown>): Promise<void> {
  await studio.db.transaction().execute((trx) => studio.writer.update(trx, 'candidates', id, patch as never))
}

export async function deleteRow(studio: Studio, table: SyncedTable, id: string): Promise<void> {
  await studio.db.transaction().execute((trx) => studio.writer.softDelete(trx, table, id))
}

/** Every row of the synced tables the tests write, in a stable order, for comparing studios. */
export async function snapshot(studio: Studio, tables: readonly SyncedTable[] = ['candidates']) {
  const out: Record<string, unknown[]> = {}
  for (const table of tables) {
    out[table] = await studio.db
      .selectFrom(table as 'candidates')
      .selectAll()
      .orderBy('id')
      .execute()
  }
  return out
}
