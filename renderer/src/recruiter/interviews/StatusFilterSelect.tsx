/** "Status: All / …" over a label map; the options come from the map, in its order. */
export function StatusFilterSelect<S extends string>({
  labels,
  value,
  onChange,
}: {
  labels: Record<S, string>
  value: S | 'all'
  onChange: (value: S | 'all') => void
}) {
  return (
    <label>
      Status
      <select value={value} onChange={(e) => onChange(e.target.value as S | 'all')}>
        <option value="all">All</option>
        {(Object.keys(labels) as S[]).map((s) => (
          <option key={s} value={s}>
            {labels[s]}
          </option>
        ))}
      </select>
    </label>
  )
}
