export interface Filters {
  search: string
  minScore: string
  tag: string
}

/** Narrows the board by name or title, lowest score and tag; counts follow the filters. */
export function BoardFilters({
  filters,
  onChange,
  total,
}: {
  filters: Filters
  onChange(next: Filters): void
  total: number
}) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch })
  return (
    <div className="row board-filters" role="search" aria-label="Filter the board">
      <label>
        Name or title
        <input type="search" value={filters.search} maxLength={100} onChange={(e) => set({ search: e.target.value })} />
      </label>
      <label>
        Lowest score
        <input
          type="number"
          min={0}
          max={100}
          inputMode="numeric"
          value={filters.minScore}
          onChange={(e) => set({ minScore: e.target.value })}
        />
      </label>
      <label>
        Tag
        <input type="text" value={filters.tag} maxLength={40} onChange={(e) => set({ tag: e.target.value })} />
      </label>
      <span className="muted" aria-live="polite">
        {total} {total === 1 ? 'candidate' : 'candidates'}
      </span>
    </div>
  )
}
