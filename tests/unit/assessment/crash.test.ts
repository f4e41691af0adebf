import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startAiStub, type AiStub } from '../../harness/ai-stub'
import { budget } from '../../helpers/patience'
import { assessmentWorld, GOOD_ANSWERS, honestModel, studioOnStub, type AssessmentWorld } from './world'

const child = path.join(__dirname, 'child/assessment-child.ts')

const stubs: AiStub[] = []
const worlds: AssessmentWorld[] = []
afterEach(async () => {
  while (worlds.length) await worlds.pop()!.close()
  while (stubs.length) await stubs.pop()!.close()
})

async function until(condition: () => boolean, what: string, timeoutMs = budget(20_000)) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const countRows = async (studio: AssessmentWorld['studio']) =>
  (await studio.db.selectFrom('assessments').select('id').execute()).length

describe('the assessment job survives a crash', () => {
  it('killed with SIGKILL while its passes are in flight, it runs again after restart and stores exactly one assessment', async () => {
    const stub = await startAiStub()
    stubs.push(stub)
    stub.setScript({ chat: honestModel(GOOD_ANSWERS) })
    const first = await assessmentWorld({ stub })
    const sessionId = await first.interview(GOOD_ANSWERS.map((text) => ({ text })))
    await first.setKey()
    await first.studio.close()

    // The child's per-answer calls hang, so it is killed in the middle of its first pass.
    stub.setFault('chat', { kind: 'hang' }, GOOD_ANSWERS.length)
    const proc = spawn(process.execPath, ['--import', 'tsx', child, first.dataDir, stub.openaiBaseUrl], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    proc.stderr.on('data', (d) => (stderr += d))
    const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve))
    await until(
      () => stub.requests.filter((r) => r.route === 'chat').length >= GOOD_ANSWERS.length || proc.exitCode !== null,
      'the child to call the model',
    )
    expect(proc.exitCode, stderr).toBeNull()
    proc.kill('SIGKILL')
    expect(await exited).toBeNull()

    const { studio } = await studioOnStub(stub, { dataDir: first.dataDir })
    try {
      expect(await countRows(studio)).toBe(0)
      await studio.queue.start(1)
      await studio.queue.idle()
      await studio.queue.stop()
      expect(await countRows(studio)).toBe(1)
      const result = await studio.dispatch('assessments.get', { sessionId }, { audience: 'recruiter' })
      expect(result).toMatchObject({
        ok: true,
        value: { latest: { kind: 'ai' }, earlier: [], job: { status: 'succeeded' } },
      })
      // The killed attempt counts: the job ran twice, its assessment was stored once.
      expect(result.ok && (result.value as { job: { attempts: number } }).job.attempts).toBe(2)
    } finally {
      await studio.close()
    }
  }, 60_000)

  it('delivered again after its assessment was stored (a crash before the job settled), it adds nothing', async () => {
    const w = await assessmentWorld()
    worlds.push(w)
    w.stub.setScript({ chat: honestModel(GOOD_ANSWERS) })
    const sessionId = await w.interview(GOOD_ANSWERS.map((text) => ({ text })))
    await w.setKey()
    await w.drainQueue()
    expect(await countRows(w.studio)).toBe(1)
    const calls = w.stub.requests.length

    // What a restart finds when the process died between storing the assessment and settling the job.
    await w.studio.db
      .updateTable('jobs')
      .set({ status: 'queued', run_at: Date.now() })
      .where('kind', '=', 'assessment.run')
      .execute()
    await w.drainQueue()
    expect(w.stub.requests.length).toBeGreaterThan(calls)
    expect(await countRows(w.studio)).toBe(1)
    expect((await w.assessments(sessionId)).earlier).toEqual([])
  })
})
