import { newestFirst } from '../../store/slices/queue/selectors'
import { useRecruiterStore } from '../../store/store'
import { QueueList } from './QueueList'

/** The live side panel: what is running or waiting right now. */
export function QueuePanel() {
  const jobs = useRecruiterStore((s) => s.queueJobs)
  const active = newestFirst(jobs).filter((job) => job.status === 'running' || job.status === 'queued')
  return (
    <aside className="queue-panel" aria-label="Live queue">
      <h2>Working on</h2>
      <QueueList jobs={active.slice(0, 5)} compact />
    </aside>
  )
}
