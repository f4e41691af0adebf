import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { CountRow } from '../../../../shared/contract/screening'

/** A count per label as a table, with a bar chart of the same figures beside it. */
export function CountPanel({ title, rows, testId }: { title: string; rows: CountRow[]; testId: string }) {
  const total = rows.reduce((sum, row) => sum + row.count, 0)
  const id = `${testId}-title`
  return (
    <section aria-labelledby={id} className="analytics-panel">
      <h2 id={id}>{title}</h2>
      {total === 0 ? (
        <p className="muted">Nothing to count yet.</p>
      ) : (
        <>
          <table data-testid={testId}>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{row.count}</td>
                  <td className="muted">{Math.round((row.count / total) * 100)} %</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div role="img" aria-label={`Bar chart of the table above: ${title.toLowerCase()}`}>
            <ResponsiveContainer width="100%" height={180}>
              <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={260} />
                <Tooltip />
                <Bar dataKey="count" name="Count" fill="#2f6fb0" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </section>
  )
}
