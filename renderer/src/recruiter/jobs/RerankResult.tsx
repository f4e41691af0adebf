import type { RerankSummary } from '../../../../shared/contract/screening'
import { MovementList } from './MovementList'
import { movementSentence } from './movement-text'
import './jobs.css'

/** After an edit was saved: what the re-rank did, as the preview said it would. */
export function RerankResult({ summary }: { summary: RerankSummary }) {
  const { moved } = summary
  return (
    <section className="what-moved" aria-labelledby="rerank-result-title">
      <h2 id="rerank-result-title">What moved</h2>
      <p role="status">
        Re-ranked {summary.candidates} {summary.candidates === 1 ? 'candidate' : 'candidates'}
        {moved && summary.candidates > 0 ? `: ${movementSentence(moved, 'saved')}` : '.'}
      </p>
      {/* Folded: the sentence says enough for most saves, and the ranked list below stays in view. */}
      {moved && moved.top.length > 0 && (
        <details>
          <summary>Who moved in the top {moved.topSize}</summary>
          <MovementList moved={moved} caption={`Top ${moved.topSize} now:`} />
        </details>
      )}
    </section>
  )
}
