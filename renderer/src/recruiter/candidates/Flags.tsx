import type { ContentFlagView } from '../../../../shared/contract/screening'

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
            <blockquote>{flag.text}</blockquote>
          </li>
        ))}
      </ul>
    </section>
  )
}
