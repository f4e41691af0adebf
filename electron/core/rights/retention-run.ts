import { StudioError } from '../../../shared/contract/errors'
import type { RetentionPreview, RetentionRun } from '../../../shared/contract/rights'
import { deleteCandidate, forgetDeleted, removeFiles, type DeleteDeps } from './delete-candidate'

/**
 * Applies a retention plan: each listed candidate is deleted everywhere (its own transaction, so one
 * candidate's failure leaves the others done), then each listed recording's row and file.
 * A recording whose candidate was deleted above is already gone and is not counted twice.
 */
export async function applyRetention(deps: DeleteDeps, plan: RetentionPreview): Promise<RetentionRun> {
  const run: RetentionRun = {
    candidatesDeleted: [],
    candidatesPostponed: [],
    recordingsDeleted: [],
    filesNotRemoved: [],
  }
  for (const candidate of plan.candidates) {
    try {
      const deleted = await deleteCandidate(deps, candidate.id, { compact: false })
      run.candidatesDeleted.push(candidate.id)
      run.filesNotRemoved.push(...deleted.filesNotRemoved)
    } catch (error) {
      // Busy (an interview under way, a job running): the next day's run deletes them.
      if (!(error instanceof StudioError && error.code === 'conflict')) throw error
      run.candidatesPostponed.push(candidate.id)
    }
  }
  const ids = plan.recordings.map((r) => r.id)
  const gone = ids.length
    ? await deps.db.transaction().execute(async (trx) => {
        const present = await trx.selectFrom('interview_recordings').select('id').where('id', 'in', ids).execute()
        await trx.deleteFrom('interview_recordings').where('id', 'in', ids).execute()
        return new Set(present.map((r) => r.id))
      })
    : new Set<string>()
  const files = plan.recordings.filter((r) => gone.has(r.id))
  const { failed } = await removeFiles(
    deps.dataDir,
    files.map((r) => r.path),
    [],
  )
  run.recordingsDeleted.push(...files.map((r) => r.id))
  run.filesNotRemoved.push(...failed)
  if (run.candidatesDeleted.length) run.filesNotRemoved.push(...(await forgetDeleted(deps)))
  return run
}
