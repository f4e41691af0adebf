import { z } from 'zod'
import type { Queue } from '../queue/queue'
import { defineJob } from '../queue/types'
import { deleteFootprintRows, forgetDeleted, removeFiles, type DeleteDeps } from './delete-candidate'
import { candidateFootprint } from './footprint'

export const PULLED_ERASURE_JOB = 'rights.erasePulled'

type ErasureDeps = DeleteDeps & { queue: Queue }

const erasedCandidates = (deps: ErasureDeps) =>
  deps.db.selectFrom('pulled_erasures').select('row_id').where('table_name', '=', 'candidates').execute()

/** The key names the candidate so each erasure queues once; the payload does not, so the job is not part of the footprint it removes. */
export async function queuePulledErasures(deps: ErasureDeps): Promise<void> {
  for (const { row_id } of await erasedCandidates(deps)) {
    await deps.queue.enqueue(deps.db, PULLED_ERASURE_JOB, {}, { idempotencyKey: `erase-pulled:${row_id}` })
  }
}

/**
 * Removes everything this studio holds about candidates a teammate erased (the sync marked them in
 * pulled_erasures), as the teammate's own studio did: rows, files, free pages and backups. No
 * tombstones are written (the teammate's went to the workspace already, and a viewer's studio may
 * not push). Counts only in the result: the job row outlives the people it removed.
 */
export function pulledErasureJob(deps: ErasureDeps) {
  return defineJob({
    kind: PULLED_ERASURE_JOB,
    payload: z.object({}).strict(),
    title: () => 'Remove candidates a teammate deleted',
    async run() {
      const marks = await deps.db.selectFrom('pulled_erasures').selectAll().execute()
      let removed = 0
      let filesNotRemoved = 0
      for (const { row_id } of marks.filter((mark) => mark.table_name === 'candidates')) {
        const footprint = await deps.db.transaction().execute(async (trx) => {
          const found = await candidateFootprint(trx, row_id)
          await deleteFootprintRows(trx, null, found)
          return found
        })
        if (footprint.parts.some((part) => part.table === 'candidates' && part.keys.length)) removed++
        filesNotRemoved += (await removeFiles(deps.dataDir, footprint.files, footprint.sessionIds)).failed.length
        await deps.forgetWorkspaceFiles?.(footprint.workspaceObjects)
      }
      // The rows other marks name went with their candidate (or were never here).
      for (const mark of marks) {
        await deps.db
          .deleteFrom('pulled_erasures')
          .where('table_name', '=', mark.table_name)
          .where('row_id', '=', mark.row_id)
          .execute()
      }
      const backupsKept = removed ? await forgetDeleted(deps) : []
      return { candidatesRemoved: removed, filesNotRemoved: filesNotRemoved + backupsKept.length }
    },
  })
}
