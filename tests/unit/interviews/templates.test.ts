import { afterEach, describe, expect, it } from 'vitest'
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

const ctx = { audience: 'recruiter' as const }
const criterion = { name: 'Clarity', description: 'Explains the idea so a newcomer follows', weight: 3 }
const base = {
  type: 'technical' as const,
  skill: 'sql',
  difficulty: 'standard' as const,
  timeLimitSec: 90,
  prepTimeSec: 0,
  retakesAllowed: 0,
  expectedPoints: [],
}

async function draft(w: InterviewWorld, texts: string[], rubric = [criterion]) {
  const h = w.interviews.handlers
  const template = await h['templates.create'](
    {
      name: 'Data analyst',
      description: 'First round',
      jobId: null,
      settings: { maxQuestions: 12, maxDurationMinutes: 30, maxFollowUps: 1, answerSilenceSec: 2.5 },
    },
    ctx,
  )
  let detail = template
  for (const text of texts)
    detail = await h['questions.add']({ templateId: template.id, question: { ...base, text, rubric } }, ctx)
  return detail
}

describe('templates and questions', () => {
  it('creates a draft, adds questions in order and edits one', async () => {
    const w = await world()
    const detail = await draft(w, ['What is a LEFT JOIN for?', 'How do you find duplicate rows?'])
    expect(detail).toMatchObject({ status: 'draft', version: 0, questionCount: 2 })
    expect(detail.questions.map((q) => [q.position, q.text])).toEqual([
      [0, 'What is a LEFT JOIN for?'],
      [1, 'How do you find duplicate rows?'],
    ])
    const edited = await w.interviews.handlers['questions.update'](
      { id: detail.questions[1]!.id, patch: { timeLimitSec: 180, type: 'behavioural_star' } },
      ctx,
    )
    expect(edited.questions[1]).toMatchObject({
      timeLimitSec: 180,
      type: 'behavioural_star',
      text: 'How do you find duplicate rows?',
    })
  })

  it('reorders, and refuses an order that does not match the questions', async () => {
    const w = await world()
    const detail = await draft(w, ['First question here?', 'Second question here?', 'Third question here?'])
    const [a, b, c] = detail.questions.map((q) => q.id)
    const reordered = await w.interviews.handlers['questions.reorder'](
      { templateId: detail.id, order: [c!, a!, b!] },
      ctx,
    )
    expect(reordered.questions.map((q) => q.id)).toEqual([c, a, b])
    expect(reordered.questions.map((q) => q.position)).toEqual([0, 1, 2])
    await expect(
      w.interviews.handlers['questions.reorder']({ templateId: detail.id, order: [a!, b!] }, ctx),
    ).rejects.toMatchObject({ code: 'conflict' })
    await expect(
      w.interviews.handlers['questions.reorder']({ templateId: detail.id, order: [a!, a!, b!] }, ctx),
    ).rejects.toMatchObject({ code: 'conflict' })
  })

  it('renumbers after a removal', async () => {
    const w = await world()
    const detail = await draft(w, ['First question here?', 'Second question here?', 'Third question here?'])
    const after = await w.interviews.handlers['questions.remove']({ id: detail.questions[0]!.id }, ctx)
    expect(after.questions.map((q) => [q.position, q.text])).toEqual([
      [0, 'Second question here?'],
      [1, 'Third question here?'],
    ])
  })

  it('refuses to publish without questions or with a question lacking a rubric, naming each problem', async () => {
    const w = await world()
    const empty = await draft(w, [])
    await expect(w.interviews.handlers['templates.publish']({ id: empty.id }, ctx)).rejects.toMatchObject({
      code: 'invalid_input',
      issues: ['Add at least one question'],
    })
    const noRubric = await draft(w, ['What is an index and when does it not help?'], [])
    await expect(w.interviews.handlers['templates.publish']({ id: noRubric.id }, ctx)).rejects.toMatchObject({
      issues: [expect.stringMatching(/Question 1 .* needs a rubric/)],
    })
  })

  it('publishes draft → active → archived, raising the version, and freezes the questions', async () => {
    const w = await world()
    const detail = await draft(w, ['What is a LEFT JOIN for?'])
    const active = await w.interviews.handlers['templates.publish']({ id: detail.id }, ctx)
    expect(active).toMatchObject({ status: 'active', version: 1, publishedAt: w.clock.now() })
    await expect(
      w.interviews.handlers['questions.add'](
        { templateId: detail.id, question: { ...base, text: 'Another question?', rubric: [criterion] } },
        ctx,
      ),
    ).rejects.toMatchObject({
      code: 'conflict',
    })
    await expect(
      w.interviews.handlers['templates.update']({ id: detail.id, patch: { settings: { maxQuestions: 3 } } }, ctx),
    ).rejects.toMatchObject({ code: 'conflict' })
    const renamed = await w.interviews.handlers['templates.update'](
      { id: detail.id, patch: { name: 'Data analyst, round 1' } },
      ctx,
    )
    expect(renamed.name).toBe('Data analyst, round 1')
    const archived = await w.interviews.handlers['templates.archive']({ id: detail.id }, ctx)
    expect(archived.status).toBe('archived')
    const listed = await w.interviews.handlers['templates.list']({ status: 'archived' }, ctx)
    expect(listed.map((t) => [t.id, t.questionCount])).toEqual([[detail.id, 1]])
  })

  it('duplicates a published template into an editable draft with the same questions', async () => {
    const w = await world()
    const detail = await draft(w, ['What is a LEFT JOIN for?', 'How do you find duplicate rows?'])
    await w.interviews.handlers['templates.publish']({ id: detail.id }, ctx)
    const copy = await w.interviews.handlers['templates.duplicate']({ id: detail.id }, ctx)
    expect(copy).toMatchObject({ status: 'draft', version: 0, name: 'Data analyst (copy)' })
    expect(copy.questions.map((q) => q.text)).toEqual(detail.questions.map((q) => q.text))
    expect(copy.questions.every((q) => !detail.questions.some((o) => o.id === q.id))).toBe(true)
  })

  it('changes to a template never reach an interview already under way', async () => {
    const w = await world()
    const { template, code } = await publishedInvitation(w)
    const { sessionId } = await w.interviews.engine.startSession(code)
    const firstText = (await w.interviews.engine.currentTurn(sessionId)).question!.text
    await w.interviews.handlers['templates.archive']({ id: template.id }, ctx)
    const copy = await w.interviews.handlers['templates.duplicate']({ id: template.id }, ctx)
    await w.interviews.handlers['questions.update'](
      { id: copy.questions[0]!.id, patch: { text: 'A completely different question?' } },
      ctx,
    )
    expect((await w.interviews.engine.currentTurn(sessionId)).question!.text).toBe(firstText)
  })

  it('keeps the pause that ends a spoken answer as a setting, offered choices only, and gives it to each new interview', async () => {
    const w = await world()
    const detail = await draft(w, ['How do you index a table?'])
    expect(detail.settings.answerSilenceSec).toBe(2.5)
    for (const bad of [2.7, 0, 60, '3'])
      expect(
        await w.studio.dispatch(
          'templates.update',
          { id: detail.id, patch: { settings: { answerSilenceSec: bad } } },
          ctx,
        ),
      ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const updated = await w.studio.dispatch(
      'templates.update',
      { id: detail.id, patch: { settings: { answerSilenceSec: 4 } } },
      ctx,
    )
    expect(updated).toMatchObject({
      ok: true,
      value: { settings: { answerSilenceSec: 4, maxQuestions: detail.settings.maxQuestions } },
    })
    const { template, code } = await publishedInvitation(w, undefined, { answerSilenceSec: 5 })
    expect(template.settings.answerSilenceSec).toBe(5)
    const { sessionId } = await w.interviews.engine.startSession(code)
    expect((await w.interviews.engine.currentTurn(sessionId)).answerSilenceMs).toBe(5000)
  })

  it('validates question input at the boundary', async () => {
    const w = await world()
    const detail = await draft(w, [])
    const result = await w.studio.dispatch(
      'questions.add',
      { templateId: detail.id, question: { text: 'Hi', timeLimitSec: 5 } },
      ctx,
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid_input')
  })
})

describe('a template linked to a job', () => {
  it('publishes, names its job, and leaves the database free for the next request', async () => {
    const w = await world()
    const job = await w.studio.dispatch(
      'jobs.create',
      { title: 'Data analyst', description: 'Reporting in SQL.', requirements: '', requiredSkills: [] },
      ctx,
    )
    if (!job.ok) throw new Error(job.error.message)
    const jobId = (job.value as { id: string }).id
    const created = await w.studio.dispatch(
      'templates.create',
      {
        name: 'Analyst',
        description: '',
        jobId,
        settings: { maxQuestions: 5, maxDurationMinutes: 30, maxFollowUps: 0 },
      },
      ctx,
    )
    if (!created.ok) throw new Error(created.error.message)
    const templateId = (created.value as { id: string }).id
    const added = await w.studio.dispatch(
      'questions.add',
      { templateId, question: { ...base, text: 'What is a LEFT JOIN for?', rubric: [criterion] } },
      ctx,
    )
    expect(added.ok).toBe(true)

    const published = await w.studio.dispatch('templates.publish', { id: templateId }, ctx)
    expect(published).toMatchObject({ ok: true, value: { status: 'active', version: 1, jobTitle: 'Data analyst' } })
    // The request after it is answered: nothing still holds the one connection.
    const jobs = await w.studio.dispatch('jobs.list', {}, ctx)
    expect(jobs.ok).toBe(true)
  })
})
