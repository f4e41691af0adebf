import { z } from 'zod'
import type { Queue } from '../queue/queue'
import { defineJob } from '../queue/types'
import { deleteFootprintRows, forgetDeleted, removeFiles, type DeleteDeps } from './delete-candidate'
import { candidateFootprint } from './footprint'

export const PULLED_ERASURE_JOB = 'rights.erasePulled'

type ErasureDeps = DeleteDeps & { queue: Queue }

/**
 * Here a candidate row is marked deleted only by a teammate's erasure pulled from the workspace
 * (this studio's own deletions remove the row in the same transaction). The key names the
 * candidate so each erasure queues once; the payload does not, so the job is not itself part of
 * the footprint it removes.
 */
export async function queuePulledErasures(deps: ErasureDeps): Promise<void> {
  const marked = await deps.db.selectFrom('candidates').select('id').where('deleted_at', 'is not', null).execute()
  for (const { id } of marked) {
    await deps.queue.enqueue(deps.db, PULLED_ERASURE_JOB, {}, { idempotencyKey: `erase-pulled:${id}` })
  }
}

/**
 * Removes everything this studio holds about candidates a teammate erased, as the teammate's own
 * studio did: rows, files, free pages and backups. No tombstones are written (the teammate's went
 * to the workspace already, and a viewer's studio may not push). Counts only in the result: the
 * job row outlives the people it removed.
 */
export function pulledErasureJob(deps: ErasureDeps) {
  return defineJob({
    kind: PULLED_ERASURE_JOB,
    payload: z.object({}).strict(),
    title: () => 'Remove candidates a teammate deleted',
    async run() {
      const marked = await deps.db.selectFrom('candidates').select('id').where('deleted_at', 'is not', null).execute()
      let filesNotRemoved = 0
      for (const { id } of marked) {
        const footprint = await deps.db.transaction().execute(async (trx) => {
          const found = await candidateFootprint(trx, id)
          await deleteFootprintRows(trx, null, found)
          return found
        })
        filesNotRemoved += (await removeFiles(deps.dataDir, footprint.files, footprint.sessionIds)).failed.length
      }
      const backupsKept = marked.length ? await forgetDeleted(deps) : []
      return { candidatesRemoved: marked.length, filesNotRemoved: filesNotRemoved + backupsKept.length }
    },
  })
}
