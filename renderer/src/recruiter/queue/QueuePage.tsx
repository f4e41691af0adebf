import { useState } from 'react'
import { call, describeError } from '../../api/client'
import { newestFirst } from '../../store/slices/queue/selectors'
import { useRecruiterStore } from '../../store/store'
import { QueueList } from './QueueList'
import { ErrorText } from '../../components/ErrorText'

export function QueuePage() {
  const jobs = useRecruiterStore((s) => s.queueJobs)
  const loadError = useRecruiterStore((s) => s.queueError)
  const [error, setError] = useState<string | null>(null)
  const runDemo = async () => {
    try {
      await call('queue.enqueueDemo', { steps: 10, stepMs: 150 })
      setError(null)
    } catch (e) {
      setError(describeError(e))
    }
  }
  return (
    <section aria-labelledby="queue-title">
      <header className="page-header">
        <h1 id="queue-title">Queue</h1>
        {/* A developer's way to watch the queue work; the product build leaves it out entirely. */}
        {import.meta.env.DEV && (
          <button type="button" onClick={runDemo}>
            Run demo job
          </button>
        )}
      </header>
      <p className="muted">
        Background work (imports, transcription, assessments) survives restarts and retries with backoff.
      </p>
      <ErrorText error={error ?? loadError} />
      <QueueList jobs={newestFirst(jobs)} />
    </section>
  )
}
