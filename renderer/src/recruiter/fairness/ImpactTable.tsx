import {
  CATEGORY_LABELS,
  DIMENSION_LABELS,
  STAGE_LABELS,
  type DimensionTable,
} from '../../../../shared/contract/fairness'

const rate = (value: number | null) => (value === null ? '—' : value.toFixed(3))

/** One dimension at one stage in NYC Local Law 144's columns, with "unknown" counted on its own row. */
export function ImpactTable({ table, minOverall }: { table: DimensionTable; minOverall: number }) {
  const unknownRate = table.unknown.applicants ? table.unknown.selected / table.unknown.applicants : null
  const id = `impact-${table.stage}-${table.dimension}`
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>
        {DIMENSION_LABELS[table.dimension]} · {STAGE_LABELS[table.stage]}
      </h3>
      {table.smallSample && (
        <p className="muted" role="note">
          Small sample: fewer than {minOverall} known answers, so these rates can swing with one person.
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Number of applicants</th>
            <th scope="col">Selected</th>
            <th scope="col">Selection rate</th>
            <th scope="col">Impact ratio</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.category}>
              <th scope="row">{CATEGORY_LABELS[row.category] ?? row.category}</th>
              <td>{row.applicants}</td>
              <td>{row.selected}</td>
              <td>{rate(row.selectionRate)}</td>
              <td>{rate(row.impactRatio)}</td>
              <td>
                {[row.flagged && 'Below four-fifths', row.smallSample && 'Small sample'].filter(Boolean).join(' · ')}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Unknown (not answered or prefer not to say)</th>
            <td>{table.unknown.applicants}</td>
            <td>{table.unknown.selected}</td>
            <td>{rate(unknownRate)}</td>
            <td>—</td>
            <td>Not compared</td>
          </tr>
        </tbody>
      </table>
    </section>
  )
}
