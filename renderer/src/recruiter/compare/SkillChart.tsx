import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { ComparedCandidate } from '../../../../shared/contract/interviews'
import { CANDIDATE_COLOURS } from './labels'

/** One row per skill, one field per candidate (by id), as recharts' grouped bars take them. */
export function skillRows(candidates: ComparedCandidate[]): Record<string, string | number | null>[] {
  const skills = [...new Set(candidates.flatMap((c) => c.skills.map((s) => s.skill)))]
  return skills.map((skill) => ({
    skill,
    ...Object.fromEntries(
      candidates.map((c) => [c.candidateId, c.skills.find((s) => s.skill === skill)?.score ?? null]),
    ),
  }))
}

/**
 * Skill scores side by side. The table below holds the same figures, so the chart is labelled as
 * a picture of it rather than read out bar by bar.
 */
export function SkillChart({ candidates }: { candidates: ComparedCandidate[] }) {
  const rows = skillRows(candidates)
  if (rows.length === 0) {
    return (
      <p className="muted">
        No skill scores to chart: offline estimates score answers only. The table shows what there is.
      </p>
    )
  }
  return (
    <figure className="compare-chart" data-testid="compare-chart">
      <div
        role="img"
        aria-label={`Bar chart of skill scores (1 to 5) for ${candidates.map((c) => c.candidateName).join(', ')}; the table below gives the same figures.`}
      >
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={rows} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="skill" />
            <YAxis domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} allowDecimals={false} />
            <Tooltip />
            {/* In column order, as the table shows them, not sorted by name. */}
            <Legend itemSorter={(item) => candidates.findIndex((c) => c.candidateId === item.dataKey)} />
            {candidates.map((c, i) => (
              <Bar
                key={c.candidateId}
                dataKey={c.candidateId}
                name={c.candidateName}
                fill={CANDIDATE_COLOURS[i % CANDIDATE_COLOURS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted">Skill scores, 1–5, from each candidate&apos;s latest assessment.</figcaption>
    </figure>
  )
}
