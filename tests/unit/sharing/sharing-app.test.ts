import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AssessmentView } from '../../../shared/contract/interviews/assessments'
import type { CandidateDetail } from '../../../shared/contract/screening/views'
import { createApp } from '../../../electron/core/sharing/app'
import { shareInput } from '../../../shared/contract/sharing'
import { edgeFunctionsUnavailable } from '../../harness/supabase/function-routes'
import {
  startWorkspaceServer,
  workspaceServerUnavailable,
  type SignedInUser,
  type WorkspaceServer,
} from '../../harness/supabase'
import { budget } from '../../helpers/patience'

const unavailable = workspaceServerUnavailable() ?? edgeFunctionsUnavailable()
const FUNCTION = path.resolve(__dirname, '../../../supabase/functions/shared-link/index.ts')
const ctx = { audience: 'recruiter' as const }

const candidate: CandidateDetail = {
  id: 'cand-app',
  name: 'Grace <Hopper>',
  email: 'grace@example.test',
  phone: '+44 7700 900123',
  links: ['https://example.test/grace'],
  currentTitle: 'Rear Admiral',
  totalYears: 12,
  educationLevel: 'doctorate' as CandidateDetail['educationLevel'],
  employment: [],
  gaps: [],
  skills: [{ skillId: 'cobol', name: 'COBOL', evidence: 'Wrote COBOL', section: 'skills' }],
  tags: ['internal-tag-secret'],
  text: 'Resume text that is not shared',
  highlights: [],
  flags: [],
  files: [],
  applications: [],
  application: {
    id: 'app-1',
    jobId: 'job-1',
    jobTitle: 'Compiler engineer',
    candidateId: 'cand-app',
    status: 'screening' as never,
    history: [],
  },
  score: {
    score: 88,
    parts: [],
    matched: [{ skillId: 'cobol', name: 'COBOL', kind: 'required', weight: 1, evidence: 'Led the COBOL committee' }],
    missing: [],
    additional: [],
    explanation: 'Strong match on the required compiler skills.',
    semantic: null,
  },
  notes: [{ id: 'n1', candidateId: 'cand-app', jobId: null, body: 'Private recruiter note', createdAt: 0 }],
}

const assessment: AssessmentView = {
  id: 'as-1',
  sessionId: 's-1',
  kind: 'ai',
  createdAt: 0,
  rubricVersion: 'r1',
  promptVersion: null,
  model: null,
  temperature: null,
  overallScore: 77,
  formula: 'formula text not shared',
  recommendation: 'hire',
  strengths: [{ text: 'Explains trade-offs', quotes: [], supported: true }],
  weaknesses: [{ text: 'Rushed the testing answer', quotes: [], supported: true }],
  nextSteps: [],
  answers: [
    {
      answerId: 'a1',
      turnIndex: 0,
      questionText: 'How would you design a compiler?',
      skill: 'compilers',
      isFollowUp: false,
      skipped: false,
      scores: [
        { dimension: 'relevance', score: 4, reason: 'On topic.', quotes: [], supported: true, droppedQuotes: 0 },
        { dimension: 'depth', score: 5, reason: 'Went deep.', quotes: [], supported: true, droppedQuotes: 0 },
      ],
    },
  ],
  skills: [],
  boundaries: [],
  consistency: [],
  passes: [],
  costUsd: 0,
  integrity: [{ kind: 'pasted_answer', severity: 'high', turnIndex: 0, evidence: 'PASTED-EVIDENCE', occurredAt: 0 }],
}

describe.skipIf(unavailable)(`sharing domain against the workspace${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let server: WorkspaceServer
  let recruiter: SignedInUser
  let org: string

  beforeAll(async () => {
    server = await startWorkspaceServer({
      edgeFunctions: { functions: { 'shared-link': FUNCTION } },
      edgeFunctionStartMs: budget(60_000),
    })
    const admin = await server.signUp('admin@example.test')
    org = await server.createOrganisation(admin, 'Acme')
    recruiter = await server.addMember(admin, org, 'recruiter@example.test', 'recruiter')
  }, budget(120_000))

  afterAll(async () => {
    await server?.stop()
  })

  const app = (signedIn: boolean) =>
    createApp({
      workspace: async () => (signedIn ? { client: recruiter.client, orgId: org } : null),
      projectUrl: server.url,
      candidate: async () => candidate,
      latestAssessment: async () => assessment,
      clock: { now: () => Date.now() },
    })

  it('creates a link whose page shows the ticked sections only, lists its views, and revokes it', async () => {
    const { handlers } = app(true)
    const link = await handlers['sharing.create'](
      {
        candidateId: 'cand-app',
        jobId: 'job-1',
        include: { profile: true, contact: false, ranking: true, assessment: true },
        expiresInDays: 7,
      },
      ctx,
    )
    expect(link.url.startsWith(`${server.url}/functions/v1/shared-link?t=${link.id}.`)).toBe(true)
    const page = await (await fetch(link.url)).text()
    for (const text of [
      'Grace &#60;Hopper&#62;',
      'Rear Admiral',
      'COBOL',
      'Compiler engineer',
      '88 / 100',
      'Led the COBOL committee',
      'How would you design a compiler?',
      '4.5',
      'On topic. Went deep.',
      'Explains trade-offs',
      'Rushed the testing answer',
    ]) {
      expect(page).toContain(text)
    }
    for (const text of [
      'grace@example.test',
      '7700',
      'PASTED',
      'pasted_answer',
      'internal-tag-secret',
      'Private recruiter note',
      'not shared',
      'hire',
    ]) {
      expect(page).not.toContain(text)
    }

    const listed = await handlers['sharing.list']({ candidateId: 'cand-app' }, ctx)
    expect(listed).toMatchObject([
      { id: link.id, revokedAt: null, viewCount: 1, includes: ['profile', 'ranking', 'assessment'] },
    ])
    expect(listed[0]!.views.map((v) => v.outcome)).toEqual(['shown'])

    const revoked = await handlers['sharing.revoke']({ candidateId: 'cand-app', linkId: link.id }, ctx)
    expect(revoked[0]!.revokedAt).not.toBeNull()
    const after = await fetch(link.url)
    expect(after.status).toBe(410)
    expect(await after.text()).not.toContain('Grace')
  })

  it('shares contact details only when ticked, and never contact alone', async () => {
    expect(
      shareInput.safeParse({
        candidateId: 'cand-app',
        include: { profile: false, contact: true, ranking: false, assessment: false },
        expiresInDays: 1,
      }).success,
    ).toBe(false)
    const withContact = await app(true).handlers['sharing.create'](
      {
        candidateId: 'cand-app',
        include: { profile: true, contact: true, ranking: false, assessment: false },
        expiresInDays: 1,
      },
      ctx,
    )
    const page = await (await fetch(withContact.url)).text()
    expect(page).toContain('grace@example.test')
    expect(page).not.toContain('Compiler engineer')
    expect(page).not.toContain('Assessment')
  })

  it('says to sign in to a workspace when there is none', async () => {
    await expect(app(false).handlers['sharing.list']({ candidateId: 'cand-app' }, ctx)).rejects.toThrow(
      /Sign in to a team workspace/,
    )
  })
})
