import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { CATEGORY_LABELS, type DimensionTable } from '../../../../shared/contract/fairness'

const FLAGGED = '#b3261e'
const PASSING = '#2f6fb0'

/**
 * Impact ratios of one table as bars against the four-fifths line. The table beside it holds the
 * same figures, so the chart is labelled as a picture of them rather than read out bar by bar.
 */
export function ImpactChart({ table, fourFifths }: { table: DimensionTable; fourFifths: number }) {
  const rows = table.rows
    .filter((row) => row.impactRatio !== null)
    .map((row) => ({ category: CATEGORY_LABELS[row.category] ?? row.category, ratio: row.impactRatio, row }))
  if (rows.length < 2) {
    return <p className="muted">Fewer than two categories with a selection to compare: nothing to chart.</p>
  }
  return (
    <figure data-testid={`impact-chart-${table.stage}-${table.dimension}`}>
      <div
        role="img"
        aria-label="Bar chart of impact ratios with the four-fifths line; the table gives the same figures."
      >
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={rows} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="category" />
            <YAxis domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} />
            <Tooltip formatter={(value) => Number(value).toFixed(3)} />
            <ReferenceLine y={fourFifths} stroke={FLAGGED} strokeDasharray="4 4" label="four-fifths" />
            <Bar dataKey="ratio" name="Impact ratio" isAnimationActive={false}>
              {rows.map((r) => (
                <Cell key={r.category} fill={r.row.flagged ? FLAGGED : PASSING} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}
