import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RecordingView } from '@shared/contract/interviews/recordings'
import { MAX_RESUME_BYTES } from '@shared/contract/screening'
import type { FileSyncStatus, WorkspaceView } from '@shared/contract/sync'
import type { Studio } from '@core/studio'
import {
  startWorkspaceServer,
  workspaceServerUnavailable,
  type SignedInUser,
  type WorkspaceServer,
} from '../../harness/supabase'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'
import { latestJob } from '../../helpers/jobs'
import { budget } from '../../helpers/patience'
import { assessmentWorld, type AssessmentWorld } from '../assessment/world'
import { fullCandidate } from '../rights/rights-world'
import { call } from './studios'

/** What the newest file-sync job reported: files sent, fetched, unavailable, refused. */
const fileSyncCounts = async (studio: Studio): Promise<unknown> =>
  JSON.parse((await latestJob(studio, 'files.sync')).result!)

/*
 * File sync through Supabase Storage: resumes and recordings reach a teammate's studio only when
 * an admin turns it on, the bucket's policies (real SQL on storage.objects, applied by the
 * stand-in's Storage routes) keep every other organisation and a viewer's uploads out, a file that
 * does not match its record is refused, and erasing a candidate removes their files from the bucket.
 */

const unavailable = workspaceServerUnavailable()
const PASSWORD = 'correct horse battery staple'
const BUCKET = 'workspace-files'

describe.skipIf(unavailable)(`file sync${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let server: WorkspaceServer
  let org: string
  let admin: SignedInUser
  let viewer: SignedInUser
  let outsider: SignedInUser
  let origin: AssessmentWorld
  let teammate: { studio: Studio; dataDir: string }

  const project = () => ({ url: server.url, anonKey: server.anonKey })
  const drainOrigin = () => origin.drainQueue()
  const syncOrigin = async () => {
    await call(origin.studio, 'sync.now')
    await drainOrigin()
  }
  const syncTeammate = async () => {
    await call(teammate.studio, 'sync.now')
    await teammate.studio.queue.idle()
  }
  const objects = async () =>
    (
      await server.owner.query<{ name: string }>(
        `select name from storage.objects where bucket_id = $1 and name like $2 order by name`,
        [BUCKET, `${org}/%`],
      )
    ).rows.map((row) => row.name)

  beforeAll(async () => {
    server = await startWorkspaceServer()
    admin = await server.signUp('files-admin@example.test', PASSWORD)
    org = await server.createOrganisation(admin, 'Files Co')
    await server.owner.query(`update billing_entitlements set plan = 'pro', status = 'active' where org_id = $1`, [org])
    await server.addMember(admin, org, 'files-recruiter@example.test', 'recruiter')
    viewer = await server.addMember(admin, org, 'files-viewer@example.test', 'viewer')
    outsider = await server.signUp('files-outsider@example.test', PASSWORD)
    await server.createOrganisation(outsider, 'Elsewhere Ltd')

    origin = await assessmentWorld({ studio: { sync: { project: project(), intervalMs: 3_600_000 } } })
    await call(origin.studio, 'sync.signIn', { email: admin.email, password: PASSWORD })
    await call(origin.studio, 'sync.adopt', { workspaceId: org })
    await drainOrigin()
    teammate = await createTempStudio({ dataDir: tempDir(), sync: { project: project(), intervalMs: 3_600_000 } })
    await call(teammate.studio, 'sync.signIn', { email: 'files-recruiter@example.test', password: PASSWORD })
    await call(teammate.studio, 'sync.adopt', { workspaceId: org })
    await teammate.studio.queue.idle()
  }, budget(120_000))

  afterAll(async () => {
    await teammate?.studio.close()
    await origin?.close()
    await server?.stop()
  })

  it('sends nothing while off; once an admin turns it on, a teammate gets the resume and plays the recording', async () => {
    const { candidateId, sessionId, resumePath, recording } = await fullCandidate(origin)
    await syncOrigin()
    expect(await latestJob(origin.studio, 'files.sync')).toMatchObject({ status: 'succeeded' })
    expect(await fileSyncCounts(origin.studio)).toMatchObject({
      skipped: 'file sync is off in this workspace',
    })
    expect(await objects()).toEqual([])
    expect(await call<FileSyncStatus>(origin.studio, 'files.status')).toEqual({ inWorkspace: 0, notSent: 2 })

    // Only an admin may turn it on; the server says so, not just the app.
    await expect(call(teammate.studio, 'sync.setFileSync', { workspaceId: org, on: true })).rejects.toThrow(/forbidden/)
    const on = await call<WorkspaceView>(origin.studio, 'sync.setFileSync', { workspaceId: org, on: true })
    expect(on).toMatchObject({ id: org, fileSync: true })
    await drainOrigin()
    await syncOrigin()
    expect(await objects()).toHaveLength(2)
    expect(await call<FileSyncStatus>(origin.studio, 'files.status')).toEqual({ inWorkspace: 2, notSent: 0 })

    await syncTeammate()
    await syncTeammate()
    const resumeHere = path.join(teammate.dataDir, resumePath)
    expect(fs.readFileSync(resumeHere)).toEqual(fs.readFileSync(path.join(origin.dataDir, resumePath)))
    const listed = await call<RecordingView[]>(teammate.studio, 'assessments.recordings', { sessionId })
    expect(listed.map((r) => r.id)).toEqual(['rec-zebediah'])
    const played = await call<{ absolutePath: string }>(teammate.studio, 'assessments.recordingFile', {
      recordingId: 'rec-zebediah',
    })
    expect(played.absolutePath.startsWith(path.join(teammate.dataDir, 'files') + path.sep)).toBe(true)
    expect(fs.readFileSync(played.absolutePath)).toEqual(fs.readFileSync(path.join(origin.dataDir, recording)))
    expect(candidateId).toBeTruthy()

    // A forged record that names a path outside the file store gets nothing written there.
    await teammate.studio.db
      .updateTable('resume_files')
      .set({ stored_path: '../outside.txt' })
      .where('candidate_id', '=', candidateId)
      .execute()
    fs.rmSync(resumeHere)
    await syncTeammate()
    expect(fs.existsSync(path.join(teammate.dataDir, '..', 'outside.txt'))).toBe(false)
    expect(fs.existsSync(resumeHere)).toBe(false)
  })

  it('keeps other organisations out, refuses a viewer’s upload, bytes that do not match their record and a record claiming an oversized resume', async () => {
    const before = await objects()
    const name = before[0]
    const foreign = await outsider.client.storage.from(BUCKET).download(name!)
    expect(foreign.data).toBeNull()
    const foreignPut = await outsider.client.storage.from(BUCKET).upload(`${org}/${'a'.repeat(64)}`, Buffer.from('x'))
    expect(foreignPut.error).not.toBeNull()
    const viewerPut = await viewer.client.storage.from(BUCKET).upload(`${org}/${'b'.repeat(64)}`, Buffer.from('x'))
    expect(viewerPut.error?.message).toMatch(/row-level security/)
    const viewerRead = await viewer.client.storage.from(BUCKET).download(name!)
    expect(viewerRead.data).not.toBeNull()
    const badPath = await admin.client.storage.from(BUCKET).upload(`${org}/not-a-hash`, Buffer.from('x'))
    expect(badPath.error).not.toBeNull()
    expect(await objects()).toEqual(before)

    // The teammate's record of the recording is altered (a hostile row): the fetched bytes no longer match it.
    const copy = await call<{ absolutePath: string }>(teammate.studio, 'assessments.recordingFile', {
      recordingId: 'rec-zebediah',
    })
    fs.rmSync(copy.absolutePath)
    await teammate.studio.db
      .updateTable('workspace_files')
      .set({ bytes: 3 })
      .where('source_id', '=', 'rec-zebediah')
      .execute()
    await expect(call(teammate.studio, 'assessments.recordingFile', { recordingId: 'rec-zebediah' })).rejects.toThrow(
      /did not match its record/,
    )
    expect(fs.existsSync(copy.absolutePath)).toBe(false)

    // A resume whose record does not match is refused and counted; the rest of the run goes on.
    const resume = await teammate.studio.db
      .selectFrom('workspace_files as w')
      .innerJoin('resume_files as r', 'r.id', 'w.source_id')
      .select(['w.id', 'w.bytes', 'r.id as fileId', 'r.file_name', 'r.content_hash'])
      .executeTakeFirstOrThrow()
    const storedPath = `files/${resume.content_hash.slice(0, 2)}/${resume.content_hash}.txt`
    // What the workspace's record of that resume claims, as the teammate's studio received it.
    const recordClaims = (values: { bytes: number; sha256?: string }) =>
      teammate.studio.db.updateTable('workspace_files').set(values).where('id', '=', resume.id).execute()
    await teammate.studio.db
      .updateTable('resume_files')
      .set({ stored_path: storedPath })
      .where('id', '=', resume.fileId)
      .execute()
    await recordClaims({ bytes: 1 })
    await syncTeammate()
    expect(await fileSyncCounts(teammate.studio)).toMatchObject({
      fetched: 0,
      refused: 1,
    })
    expect(fs.existsSync(path.join(teammate.dataDir, storedPath))).toBe(false)
    await recordClaims({ bytes: resume.bytes })
    await syncTeammate()
    expect(await fileSyncCounts(teammate.studio)).toMatchObject({
      fetched: 1,
      refused: 0,
    })
    expect(fs.existsSync(path.join(teammate.dataDir, storedPath))).toBe(true)

    // A record claiming a resume larger than any import takes is refused before a download is tried:
    // the bucket holds no such bytes, so a download would have counted it unavailable instead.
    const claimed = 'c'.repeat(64)
    const claimedPath = `files/${claimed.slice(0, 2)}/${claimed}.txt`
    await teammate.studio.db
      .updateTable('resume_files')
      .set({ content_hash: claimed, stored_path: claimedPath })
      .where('id', '=', resume.fileId)
      .execute()
    await recordClaims({ sha256: claimed, bytes: MAX_RESUME_BYTES + 1 })
    await syncTeammate()
    expect(await fileSyncCounts(teammate.studio)).toMatchObject({
      fetched: 0,
      unavailable: 0,
      refused: 1,
    })
    expect(fs.existsSync(path.join(teammate.dataDir, claimedPath))).toBe(false)
  })

  it('takes files out of reach when turned off, and erasing a candidate removes theirs from the bucket', async () => {
    const stored = await objects()
    await call(origin.studio, 'sync.setFileSync', { workspaceId: org, on: false })
    const offRead = await admin.client.storage.from(BUCKET).download(stored[0]!)
    expect(offRead.data).toBeNull()
    await call(origin.studio, 'sync.setFileSync', { workspaceId: org, on: true })
    await drainOrigin()

    const candidateId = (
      await origin.studio.db.selectFrom('workspace_files').select('candidate_id').executeTakeFirstOrThrow()
    ).candidate_id
    await origin.call('rights.deleteCandidate', { candidateId })
    await drainOrigin()
    expect(await latestJob(origin.studio, 'files.remove')).toMatchObject({ status: 'succeeded', last_error: null })
    expect(await objects()).toEqual([])
    await syncOrigin()
    await syncTeammate()
    const left = await teammate.studio.db.selectFrom('workspace_files').select('id').execute()
    expect(left).toEqual([])
  })
})
