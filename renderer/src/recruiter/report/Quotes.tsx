import type { EvidenceQuote } from '../../../../shared/contract/interviews'

/** Quoted words the app found in the transcript (or resume), each marked with where it was said. */
export function Quotes({ quotes }: { quotes: EvidenceQuote[] }) {
  if (quotes.length === 0) return null
  return (
    <ul className="report-quotes">
      {quotes.map((q, i) => (
        <li key={i}>
          <q>{q.text}</q>{' '}
          <span className="muted">({q.turnIndex === null ? 'resume' : `answer ${q.turnIndex + 1}`})</span>
        </li>
      ))}
    </ul>
  )
}

/** Said beside a score or claim the model could not back with words the app found. */
export function Unsupported({ supported }: { supported: boolean }) {
  return supported ? null : <span className="report-unsupported"> · no verified evidence</span>
}
