import type { SelfIdentification } from '@shared/contract/fairness'
import type { Studio } from '@core/studio'

/** Applies one new candidate to the job at this status, with these answers (none when omitted); returns the candidate id. */
export async function seedApplicant(
  studio: Studio,
  jobId: string,
  options: { name: string; status: string; email?: string; answers?: SelfIdentification },
): Promise<string> {
  const candidateId = await studio.db.transaction().execute(async (trx) => {
    const id = await studio.writer.insert(trx, 'candidates', {
      name: options.name,
      email: options.email ?? null,
      phone: null,
      email_key: options.email ?? null,
      phone_key: null,
      links: '[]',
      current_title: null,
      total_years: 4,
      education_level: 'bachelor',
      tags: '[]',
      current_file_id: null,
    })
    const applicationId = await studio.writer.insert(trx, 'applications', {
      job_id: jobId,
      candidate_id: id,
      status: options.status,
    })
    await studio.writer.insert(trx, 'status_changes', {
      application_id: applicationId,
      from_status: null,
      to_status: options.status,
      kind: 'import',
    })
    return id
  })
  if (options.answers) {
    const result = await studio.dispatch(
      'fairness.setSelfId',
      { candidateId, answers: options.answers },
      { audience: 'recruiter' },
    )
    if (!result.ok) throw new Error(result.error.message)
  }
  return candidateId
}

export async function recruiterCall<T>(studio: Studio, name: string, input: unknown): Promise<T> {
  const result = await studio.dispatch(name, input, { audience: 'recruiter' })
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}
