import type { ScoreView } from '../../../../shared/contract/screening'

/** The score, what each part gave, the plain-language explanation, and the skills with their proof. */
export function ScoreSummary({ score }: { score: ScoreView }) {
  return (
    <section className="score-summary" aria-labelledby="score-title">
      <h2 id="score-title">
        Score <span data-testid="detail-score">{Math.round(score.score)}</span> / 100
      </h2>
      <p data-testid="explanation">{score.explanation}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Points</th>
            <th scope="col">Of</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {score.parts.map((part) => (
            <tr key={part.key}>
              <th scope="row">{part.label}</th>
              <td>{part.points.toFixed(1)}</td>
              <td>{Math.round(part.share * 100)}</td>
              <td>{part.detail}</td>
            </tr>
          ))}
          {score.semantic !== null && (
            <tr>
              <th scope="row">Semantic similarity</th>
              <td colSpan={2}>{Math.round(score.semantic * 100)}%</td>
              <td>From OpenAI embeddings; shown beside the score, never part of it</td>
            </tr>
          )}
        </tbody>
      </table>
      {score.matched.length > 0 && (
        <>
          <h3>Matched skills</h3>
          <ul className="evidence-list">
            {score.matched.map((skill) => (
              <li key={skill.skillId}>
                <strong>{skill.name}</strong> <span className="muted">({skill.kind})</span>
                {skill.evidence && <blockquote>{skill.evidence}</blockquote>}
              </li>
            ))}
          </ul>
        </>
      )}
      {score.missing.length > 0 && (
        <>
          <h3>Missing skills</h3>
          <p className="missing">
            {score.missing
              .map((s) => `${s.name} (${s.kind}${s.relatedVia ? `; has the related ${s.relatedVia}` : ''})`)
              .join(', ')}
          </p>
        </>
      )}
      {score.additional.length > 0 && (
        <>
          <h3>Additional skills</h3>
          <p>{score.additional.map((s) => s.name).join(', ')}</p>
        </>
      )}
    </section>
  )
}
