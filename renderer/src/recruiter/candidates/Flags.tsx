import type { CandidateRow, ContentFlagView } from '../../../../shared/contract/screening'

/** A ranked row's flags in brief: how many, and of which kinds; nothing when there are none. */
export function FlagBadge({ row }: { row: CandidateRow }) {
  if (!row.flagCount) return null
  const text = row.flagKinds.map((k) => (k === 'hidden_text' ? 'hidden text' : 'instructions to AI')).join(', ')
  return (
    <span
      className="flag-badge"
      title={`Flagged: ${text}`}
      aria-label={`${row.flagCount} flag${row.flagCount === 1 ? '' : 's'}: ${text}`}
    >
      ⚑ {row.flagCount}
    </span>
  )
}

/** Text a human could not see, or text aimed at an AI screener: shown exactly, never acted on. */
export function FlagsPanel({ flags }: { flags: ContentFlagView[] }) {
  if (!flags.length) return null
  return (
    <section className="flags-panel" role="note" aria-labelledby="flags-title" data-testid="flags">
      <h2 id="flags-title">⚑ Flagged content ({flags.length})</h2>
      <p className="muted">
        This text was hidden from a human reader or addressed to an AI screener. It is not counted as evidence and is
        never obeyed.
      </p>
      <ul>
        {flags.map((flag, i) => (
          <li key={i}>
            <strong>{flag.kind === 'hidden_text' ? 'Hidden text' : 'Instruction to an AI'}</strong> — {flag.detail}
            {flag.page !== undefined && ` (page ${flag.page})`}
            {flag.fileName && <span className="muted"> in {flag.fileName}</span>}
            <blockquote>{flag.text}</blockquote>
          </li>
        ))}
      </ul>
    </section>
  )
}
