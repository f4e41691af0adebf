import type { CandidateRow, ContentFlagView } from '../../../../shared/contract/screening'

/**
 * A ranked row's flags in brief: how many, and of which kinds (content hidden or aimed at an AI, or
 * the job posting copied into the resume); nothing when there are none.
 */
export function FlagBadge({ row }: { row: CandidateRow }) {
  const copied = row.copiedPosting === null ? [] : [`copied ${Math.round(row.copiedPosting * 100)}% of the job posting`]
  const count = row.flagCount + copied.length
  if (!count) return null
  const kinds = row.flagKinds.map((k) => (k === 'hidden_text' ? 'hidden text' : 'instructions to AI'))
  const text = [...kinds, ...copied].join(', ')
  return (
    <span
      className="flag-badge"
      title={`Flagged: ${text}`}
      aria-label={`${count} flag${count === 1 ? '' : 's'}: ${text}`}
    >
      ⚑ {count}
      {copied.length > 0 && <span className="flag-kind"> copied posting</span>}
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
