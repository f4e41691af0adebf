import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { FunnelView } from '../../../../shared/contract/screening'
import { PIPELINE_LABELS } from '../candidates/labels'

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`)

function stay(ms: number | null): string {
  if (ms === null) return '—'
  const hours = ms / 3_600_000
  if (hours < 1) return `${Math.max(1, Math.round(ms / 60_000))} min`
  if (hours < 48) return `${Math.round(hours)} h`
  return `${Math.round(hours / 24)} days`
}

/** Conversion per stage, time in stage and how screening scores spread, for one job. */
export function FunnelPanel({ funnel }: { funnel: FunnelView }) {
  const scored = funnel.scoreBands.reduce((sum, band) => sum + band.count, 0)
  return (
    <section aria-labelledby="funnel-title" className="board-funnel">
      <h2 id="funnel-title">Funnel</h2>
      <table data-testid="funnel-table">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Reached</th>
            <th scope="col">From the stage before</th>
            <th scope="col">Median time in stage</th>
          </tr>
        </thead>
        <tbody>
          {funnel.stages.map((stage) => (
            <tr key={stage.status}>
              <th scope="row">{PIPELINE_LABELS[stage.status]}</th>
              <td>{stage.reached}</td>
              <td>{percent(stage.conversion)}</td>
              <td>
                {stay(stage.medianStayMs)}
                {stage.stays > 0 && <span className="muted"> ({stage.stays} left it)</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Screening scores</h3>
      {scored === 0 ? (
        <p className="muted">No one has a screening score for this job yet.</p>
      ) : (
        <figure>
          <div role="img" aria-label={`Bar chart of ${scored} screening scores in bands of ten`}>
            <ResponsiveContainer width="100%" height={200}>
              <BarChart
                data={funnel.scoreBands.map((b) => ({ band: `${b.from}–${b.to}`, count: b.count }))}
                accessibilityLayer={false}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="band" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" name="Candidates" fill="#2f6fb0" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="muted">
            {funnel.scoreBands
              .filter((b) => b.count > 0)
              .map((b) => `${b.from}–${b.to}: ${b.count}`)
              .join(' · ')}
          </figcaption>
        </figure>
      )}
    </section>
  )
}
