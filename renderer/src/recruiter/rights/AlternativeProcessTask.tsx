import { useRequest } from '../../api/useRequest'

/**
 * A task on the candidate's page: they asked on the consent screen for a process without the AI
 * interview and did not go on. Those interviews are not scored; the recruiter arranges the alternative.
 */
export function AlternativeProcessTask({ candidateId }: { candidateId: string }) {
  const { data } = useRequest('rights.alternativeRequests', { candidateId })
  if (!data?.length) return null
  return (
    <section className="task" role="note" aria-labelledby="alternative-title" data-testid="alternative-process-task">
      <h2 id="alternative-title">To do: arrange an alternative process</h2>
      <p>This candidate asked for a process without the AI interview. These interviews are not scored:</p>
      <ul>
        {data.map((r) => (
          <li key={r.sessionId}>
            {r.templateName} <span className="muted">(asked {new Date(r.requestedAt).toLocaleString()})</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
