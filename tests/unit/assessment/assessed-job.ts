import { GOOD_ANSWERS, honestModel, type AssessmentWorld } from './world'

/** A screening candidate with no resume, made directly in the database; returns the id. */
export function seedCandidate(w: AssessmentWorld, name: string): Promise<string> {
  return w.studio.db.transaction().execute((trx) =>
    w.studio.writer.insert(trx, 'candidates', {
      name,
      email: null,
      phone: null,
      email_key: null,
      phone_key: null,
      links: '[]',
      current_title: null,
      total_years: 5,
      education_level: 'bachelor',
      tags: '[]',
      current_file_id: null,
    }),
  )
}

export async function createJob(w: AssessmentWorld, title: string): Promise<string> {
  return (await w.call<{ id: string }>('jobs.create', { title })).id
}

/**
 * Applies a new candidate to the job, interviews them on a template made for the job with
 * GOOD_ANSWERS, and runs the AI assessment with a model that scores everything `score` (the world
 * needs its key set). `pasted` types the second answer by pasting it, an integrity signal.
 */
export async function assessedCandidate(
  w: AssessmentWorld,
  jobId: string,
  name: string,
  score: number,
  options: { pasted?: boolean } = {},
): Promise<{ candidateId: string; sessionId: string }> {
  const candidateId = await seedCandidate(w, name)
  await w.call('candidates.addToJob', { jobId, candidateIds: [candidateId] })
  w.stub.setScript({ chat: honestModel(GOOD_ANSWERS, score) })
  const answers = GOOD_ANSWERS.map((text, i) =>
    options.pasted && i === 1 ? { text, inputMode: 'text' as const, pastedChars: text.length } : { text },
  )
  const sessionId = await w.interview(answers, { candidateId, candidateName: name, jobId })
  await w.drainQueue()
  return { candidateId, sessionId }
}
