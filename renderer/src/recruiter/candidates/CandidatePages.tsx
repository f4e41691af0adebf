/** Previous and next over a list shown a page at a time, with the range in view. */
export function CandidatePages({
  page,
  pageSize,
  shown,
  total,
  onMove,
}: {
  page: number
  pageSize: number
  /** How many rows the current page holds. */
  shown: number
  total: number
  /** Moves by this many pages. */
  onMove(by: number): void
}) {
  return (
    <nav className="row" aria-label="Pages">
      <button type="button" className="secondary" onClick={() => onMove(-1)} disabled={page === 0}>
        Previous
      </button>
      <span>
        {page * pageSize + 1}–{page * pageSize + shown} of {total}
      </span>
      <button type="button" className="secondary" onClick={() => onMove(1)} disabled={(page + 1) * pageSize >= total}>
        Next
      </button>
    </nav>
  )
}
