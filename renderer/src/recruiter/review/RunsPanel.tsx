import type { AssessmentView } from '../../../../shared/contract/interviews'
import { formatTime } from '../interviews/labels'
import { formatUsd, RECOMMENDATION_LABELS } from './labels'
import { TableHead } from '../../components/TableHead'

interface Props {
  runs: AssessmentView[]
  shownId: string
  onShow(id: string): void
}

/** Every assessment of the interview, newest first, so a re-run can be compared with the earlier ones. */
export function RunsPanel({ runs, shownId, onShow }: Props) {
  if (runs.length < 2) return null
  return (
    <section aria-labelledby="runs-title" className="review-panel">
      <h2 id="runs-title">Assessment runs</h2>
      <table>
        <TableHead columns={['Made', 'Kind', 'Model', 'Overall', 'Recommendation', 'Cost']} actions="Show" />
        <tbody>
          {runs.map((run, i) => (
            <tr key={run.id} aria-current={run.id === shownId ? 'true' : undefined}>
              <td>
                {formatTime(run.createdAt)}
                {i === 0 ? ' (latest)' : ''}
              </td>
              <td>{run.kind === 'ai' ? 'AI' : 'Offline'}</td>
              <td>{run.model ?? '—'}</td>
              <td>{run.overallScore}/100</td>
              <td>{run.recommendation ? RECOMMENDATION_LABELS[run.recommendation] : '—'}</td>
              <td>{formatUsd(run.costUsd)}</td>
              <td>
                {run.id === shownId ? (
                  'Shown'
                ) : (
                  <button type="button" onClick={() => onShow(run.id)}>
                    Show this run
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
