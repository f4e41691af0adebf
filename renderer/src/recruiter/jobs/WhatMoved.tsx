import type { Draft } from './job-draft'
import { MovementList } from './MovementList'
import { movementSentence } from './movement-text'
import { useRerankPreview } from './useRerankPreview'
import './jobs.css'

function statusLine(state: ReturnType<typeof useRerankPreview>): string {
  const { changed, preview, loading, error } = state
  if (!changed) return 'Change a weight or a skill to see who would move before you save.'
  if (error) return `The new order could not be worked out: ${error}`
  if (!preview) return loading ? 'Working out the new order…' : ''
  if (!preview.candidates) return 'No candidates yet: import resumes on the job’s page and they will be ranked.'
  return movementSentence(preview.moved, 'preview')
}

/**
 * While a job is edited: who would move if it were saved as it stands. The sentence is announced
 * politely as it changes; the list below it is there to read at the recruiter's own pace.
 */
export function WhatMoved({ jobId, saved, draft }: { jobId: string; saved: Draft; draft: Draft }) {
  const state = useRerankPreview(jobId, saved, draft)
  const { preview, loading, error } = state
  return (
    <section className="what-moved" aria-labelledby="what-moved-title" aria-busy={loading}>
      <h2 id="what-moved-title">What moved</h2>
      <p className={error ? 'error-text' : undefined} role="status" aria-live="polite">
        {statusLine(state)}
      </p>
      {loading && preview && <p className="muted">Updating…</p>}
      {preview && preview.candidates > 0 && !error && (
        <MovementList moved={preview.moved} caption={`Top ${preview.moved.topSize} if you save:`} />
      )}
    </section>
  )
}
