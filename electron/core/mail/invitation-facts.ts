import type { Kysely } from 'kysely'
import { StudioError } from '../../../shared/contract/errors'
import { templateSettingsSchema } from '../../../shared/contract/interviews'
import type { Database } from '../db/schema'
import { formatCode } from '../interviews/invitations/codes'
import type { InvitationFacts } from './invitation-email'

export interface InvitationForEmail {
  facts: Omit<InvitationFacts, 'senderName'>
  candidateId: string
  /** The address on the candidate's resume, when there is one. */
  candidateEmail: string | null
  /** Null when the invitation can be emailed; otherwise why not, in words. */
  problem: string | null
}

/** Reads what an invitation email says; only the machine that issued the code can send it. */
export async function invitationForEmail(db: Kysely<Database>, invitationId: string): Promise<InvitationForEmail> {
  const row = await db
    .selectFrom('interview_invitations as i')
    .innerJoin('interview_templates as t', 't.id', 'i.template_id')
    .leftJoin('job_openings as j', 'j.id', 't.job_id')
    .leftJoin('invitation_codes as c', 'c.invitation_id', 'i.id')
    .leftJoin('candidates as p', 'p.id', 'i.candidate_id')
    .select([
      'i.candidate_id',
      'i.candidate_name',
      'i.status',
      'i.kind',
      'i.location',
      'i.scheduled_at',
      'i.expires_at',
      'i.deleted_at',
      't.id as template_id',
      't.name as template_name',
      't.settings',
      'j.title as job_title',
      'c.code',
      'p.email',
    ])
    .where('i.id', '=', invitationId)
    .executeTakeFirst()
  if (!row || row.deleted_at !== null) throw new StudioError('not_found', 'No such invitation')
  const settings = templateSettingsSchema.safeParse(JSON.parse(row.settings))
  const limits = settings.success ? settings.data : templateSettingsSchema.parse({})
  const questions = await db
    .selectFrom('interview_questions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('template_id', '=', row.template_id)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  const problem = !row.code
    ? 'The code was issued on another computer; only that computer can send it.'
    : row.status !== 'pending'
      ? `This invitation is ${row.status}; only a pending one can be sent.`
      : null
  return {
    candidateId: row.candidate_id,
    candidateEmail: row.email,
    problem,
    facts: {
      candidateName: row.candidate_name,
      code: row.code ? formatCode(row.code) : '',
      kind: row.kind,
      jobTitle: row.job_title,
      templateName: row.template_name,
      location: row.location,
      scheduledAt: row.scheduled_at,
      expiresAt: row.expires_at,
      maxQuestions: Math.min(limits.maxQuestions, Number(questions.n) || limits.maxQuestions),
      maxDurationMinutes: limits.maxDurationMinutes,
    },
  }
}
