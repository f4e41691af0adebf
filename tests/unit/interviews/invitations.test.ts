import { afterEach, describe, expect, it } from 'vitest'
import { CODE_ALPHABET, generateCode, hashCode, normalizeCode } from '@core/interviews/invitations/codes'
import { interviewWorld, publishedInvitation, type InterviewWorld } from './fixtures'

const worlds: InterviewWorld[] = []
async function world() {
  const w = await interviewWorld()
  worlds.push(w)
  return w
}
afterEach(async () => {
  while (worlds.length) await worlds.pop()!.close()
})

const recruiter = { audience: 'recruiter' as const }

describe('kiosk codes', () => {
  it('draws 8 characters from an alphabet without look-alikes, uniformly enough to be unguessable', () => {
    const counts = new Map<string, number>()
    const codes = new Set<string>()
    for (let i = 0; i < 4000; i++) {
      const code = generateCode()
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/)
      codes.add(code)
      for (const char of code) counts.set(char, (counts.get(char) ?? 0) + 1)
    }
    expect(codes.size).toBe(4000)
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/)
    // 32,000 characters over 31 symbols: about 1,032 each; a biased draw would stray far.
    for (const char of CODE_ALPHABET) expect(Math.abs(counts.get(char)! - 32_000 / 31)).toBeLessThan(200)
  })

  it('accepts the code however the candidate types it, and nothing that cannot be one', () => {
    expect(normalizeCode(' abcd-2345 ')).toBe('ABCD2345')
    expect(normalizeCode('ab cd 23 45')).toBe('ABCD2345')
    expect(normalizeCode('ABCD-234O')).toBeNull()
    expect(normalizeCode('ABCD234')).toBeNull()
  })

  it('stores only a hash of the code in the synced table and its change log', async () => {
    const w = await world()
    const { invitation, code } = await publishedInvitation(w)
    const plain = code.replace('-', '')
    const row = await w.studio.db
      .selectFrom('interview_invitations')
      .selectAll()
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow()
    expect(row.code_hash).toBe(hashCode(plain))
    expect(JSON.stringify(row)).not.toContain(plain)
    const log = await w.studio.db
      .selectFrom('change_log')
      .select('fields')
      .where('row_id', '=', invitation.id)
      .execute()
    expect(log.length).toBeGreaterThan(0)
    for (const entry of log) expect(entry.fields).not.toContain(plain)
    expect(invitation.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
  })
})

describe('invitations', () => {
  it('can only be made for a published template', async () => {
    const w = await world()
    const template = await w.interviews.handlers['templates.create'](
      {
        name: 'Draft',
        description: '',
        jobId: null,
        settings: { maxQuestions: 10, maxDurationMinutes: 30, maxFollowUps: 1, answerSilenceSec: 2.5 },
      },
      recruiter,
    )
    await expect(
      w.interviews.handlers['invitations.create'](
        {
          templateId: template.id,
          candidateId: 'c',
          candidateName: 'C',
          expiresInHours: 24,
          scheduledAt: null,
          kind: 'ai_interview',
          location: null,
        },
        recruiter,
      ),
    ).rejects.toMatchObject({ code: 'conflict' })
  })

  it('rejects a scheduled time after the expiry', async () => {
    const w = await world()
    const { template } = await publishedInvitation(w)
    await expect(
      w.interviews.handlers['invitations.create'](
        {
          templateId: template.id,
          candidateId: 'c',
          candidateName: 'C',
          expiresInHours: 2,
          scheduledAt: w.clock.now() + 3 * 3_600_000,
          kind: 'ai_interview',
          location: null,
        },
        recruiter,
      ),
    ).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it('lists, filters and cancels', async () => {
    const w = await world()
    const { template, invitation } = await publishedInvitation(w)
    const other = await w.interviews.handlers['invitations.create'](
      {
        templateId: template.id,
        candidateId: 'c2',
        candidateName: 'Grace',
        expiresInHours: 24,
        scheduledAt: null,
        kind: 'ai_interview',
        location: null,
      },
      recruiter,
    )
    const cancelled = await w.interviews.handlers['invitations.cancel']({ id: other.id }, recruiter)
    expect(cancelled.status).toBe('cancelled')
    const pending = await w.interviews.handlers['invitations.list']({ status: 'pending' }, recruiter)
    expect(pending.map((i) => i.id)).toEqual([invitation.id])
    await expect(w.interviews.handlers['invitations.cancel']({ id: other.id }, recruiter)).rejects.toMatchObject({
      code: 'conflict',
    })
  })
})

describe('redeeming a code at the kiosk', () => {
  it('starts a session once and marks the invitation started', async () => {
    const w = await world()
    const { code, invitation } = await publishedInvitation(w)
    const started = await w.interviews.engine.startSession(code.toLowerCase())
    expect(started.resumed).toBe(false)
    const [row] = await w.interviews.handlers['invitations.list']({ status: 'started' }, recruiter)
    expect(row).toMatchObject({ id: invitation.id, sessionId: started.sessionId, startedAt: w.clock.now() })
  })

  it('says clearly when a code is unknown, expired, cancelled or used', async () => {
    const w = await world()
    const { code, template } = await publishedInvitation(w, undefined, {}, { expiresInHours: 1 })
    await expect(w.interviews.engine.startSession('ZZZZ-ZZZZ')).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/could not find that code/),
    })

    w.clock.advance(2 * 3_600_000)
    await expect(w.interviews.engine.startSession(code)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/expired/),
    })
    await expect(w.interviews.engine.startSession(code)).rejects.toMatchObject({
      message: expect.stringMatching(/expired/),
    })

    const cancelled = await w.interviews.handlers['invitations.create'](
      {
        templateId: template.id,
        candidateId: 'c',
        candidateName: 'C',
        expiresInHours: 24,
        scheduledAt: null,
        kind: 'ai_interview',
        location: null,
      },
      recruiter,
    )
    await w.interviews.handlers['invitations.cancel']({ id: cancelled.id }, recruiter)
    await expect(w.interviews.engine.startSession(cancelled.code!)).rejects.toMatchObject({
      message: expect.stringMatching(/cancelled/),
    })

    const used = await w.interviews.handlers['invitations.create'](
      {
        templateId: template.id,
        candidateId: 'd',
        candidateName: 'D',
        expiresInHours: 24,
        scheduledAt: null,
        kind: 'ai_interview',
        location: null,
      },
      recruiter,
    )
    const { sessionId } = await w.interviews.engine.startSession(used.code!)
    await w.interviews.engine.finish(sessionId)
    await expect(w.interviews.engine.startSession(used.code!)).rejects.toMatchObject({
      message: expect.stringMatching(/already been used/),
    })
  })

  it('opens a scheduled interview only from 30 minutes before its time', async () => {
    const w = await world()
    const at = w.clock.now() + 2 * 3_600_000
    const { code } = await publishedInvitation(w, undefined, {}, { scheduledAt: at })
    await expect(w.interviews.engine.startSession(code)).rejects.toMatchObject({
      message: expect.stringMatching(/scheduled for later/),
    })
    w.clock.set(at - 29 * 60_000)
    await expect(w.interviews.engine.startSession(code)).resolves.toMatchObject({ resumed: false })
  })

  it('resumes the same interview when the code is entered again, retiring the old token', async () => {
    const w = await world()
    const { code } = await publishedInvitation(w)
    const first = await w.interviews.engine.startSession(code)
    const again = await w.interviews.engine.startSession(code)
    expect(again).toMatchObject({ sessionId: first.sessionId, resumed: true })
    expect(again.token).not.toBe(first.token)
    await expect(w.interviews.engine.sessionForToken(first.token)).rejects.toMatchObject({ code: 'forbidden' })
    await expect(w.interviews.engine.sessionForToken(again.token)).resolves.toBe(first.sessionId)
  })

  it('locks out guessing after five wrong codes, even for a right one, then lets it through', async () => {
    const w = await world()
    const { code } = await publishedInvitation(w)
    for (let i = 0; i < 5; i++)
      await expect(w.interviews.engine.startSession(`WRONG${i}XY`)).rejects.toMatchObject({ code: 'not_found' })
    await expect(w.interviews.engine.startSession(code)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/Too many wrong codes/),
    })
    w.clock.advance(61_000)
    await expect(w.interviews.engine.startSession(code)).resolves.toMatchObject({ resumed: false })
  })

  it('doubles the lockout for each further run of wrong codes', async () => {
    const w = await world()
    const { code } = await publishedInvitation(w)
    const wrongRun = async () => {
      for (let i = 0; i < 5; i++) await w.interviews.engine.startSession(`BAD${i}CODE`).catch(() => undefined)
    }
    await wrongRun()
    w.clock.advance(61_000)
    await wrongRun()
    w.clock.advance(61_000)
    await expect(w.interviews.engine.startSession(code)).rejects.toMatchObject({ code: 'forbidden' })
    w.clock.advance(60_000)
    await expect(w.interviews.engine.startSession(code)).resolves.toBeTruthy()
  })

  it('lets only one of two kiosks entering the same code at once start it', async () => {
    const w = await world()
    const { code } = await publishedInvitation(w)
    const results = await Promise.allSettled([
      w.interviews.engine.startSession(code),
      w.interviews.engine.startSession(code),
    ])
    const sessions = await w.studio.db.selectFrom('interview_sessions').select('id').execute()
    expect(sessions).toHaveLength(1)
    const fulfilled = results.filter((r) => r.status === 'fulfilled')
    expect(fulfilled.length).toBeGreaterThanOrEqual(1)
    for (const r of fulfilled) expect(r.value.sessionId).toBe(sessions[0]!.id)
  })
})
