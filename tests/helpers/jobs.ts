import type { Studio } from '@core/studio'

/** The newest queue job of one kind (optionally in one status): what the queue panel would show of it. */
export function latestJob(studio: Studio, kind: string, status?: string) {
  let query = studio.db
    .selectFrom('jobs')
    .select(['status', 'result', 'last_error'])
    .where('kind', '=', kind)
    .orderBy('seq', 'desc')
  if (status) query = query.where('status', '=', status as never)
  return query.executeTakeFirstOrThrow()
}
