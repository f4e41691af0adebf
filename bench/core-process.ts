/**
 * What moving the core out of the host's process buys: the host's longest main-thread stall while
 * the studio imports N resumes and re-ranks a pool of P candidates, with the studio in the host's
 * own process (as before) and in the core process (as now), in the same run; then the request
 * round-trip through each path (in-process dispatch, host → core process, browser socket → web
 * host → core process). The stall is the event loop's longest delay: how long a window or
 * socket would wait to be served. On a loaded machine the core process competes for the same
 * cores, so some stall remains even when the host's own thread does nothing.
 * Needs the build (out/main/core.js, web-host.js). Run: npx tsx bench/core-process.ts [N=1000] [P=10000]
 */
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { IntakeBatchView, JobOpeningView } from '@shared/contract/screening'
import type { Dispatch } from '@core/ipc/dispatcher'
import type { EventBus } from '@core/events'
import { silentLogger } from '@core/logger'
import { forkCore } from '@core/process/child-process'
import { startCore } from '@core/process/client'
import { hostCallHandlers, secretSnapshot } from '@core/process/host-side'
import { createEncryptedSecretStore, createKeyFileCipher } from '@core/settings/encrypted-secret-store'
import { createJsonPreferenceStore } from '@core/settings/json-preference-store'
import { createTempStudio, RESOURCES_DIR, tempDir } from '../tests/helpers/temp-studio'
import { hostSocket } from '../tests/helpers/host-socket'
import { startWebHost } from '../tests/helpers/web-host'
import { FIXTURE_JOBS } from '../tests/fixtures/resumes'
import { growPool, writeResumeFolder } from './screening-fixtures'
import { percentile } from './stats'

const count = Number(process.argv[2] ?? 1000)
const poolSize = Number(process.argv[3] ?? 10_000)
const CORE_ENTRY = path.resolve(__dirname, '../out/main/core.js')

interface Host {
  dispatch: Dispatch
  events: Pick<EventBus, 'subscribe'>
  close(): Promise<void>
}

/** What the open dialog answers: the folder being imported, as if the recruiter picked it. */
let picked: string[] = []
const dialog = async () => picked

const inProcess = async (dataDir: string): Promise<Host> => {
  const { studio } = await createTempStudio({ dataDir, queueOptions: { pollMs: 250 }, chooseResumePaths: dialog })
  return studio
}

const coreProcess = async (dataDir: string): Promise<Host> => {
  const secrets = createEncryptedSecretStore(
    path.join(dataDir, 'secrets.json'),
    createKeyFileCipher(path.join(dataDir, 'secrets.key')),
  )
  const preferenceStore = createJsonPreferenceStore(path.join(dataDir, 'preferences.json'))
  return startCore({
    spawn: () => forkCore(CORE_ENTRY),
    config: () => ({
      dataDir,
      resourcesDir: RESOURCES_DIR,
      host: 'web',
      secrets: secretSnapshot(secrets),
      preferences: preferenceStore.read(),
      abilities: { openKiosk: false, chooseResumePaths: true, updates: false },
    }),
    calls: hostCallHandlers({ secrets, preferenceStore, exitKiosk: () => {}, chooseResumePaths: dialog }),
    logger: silentLogger,
  })
}

async function call<T>(host: Host, name: string, input: unknown): Promise<T> {
  const result = await host.dispatch(name, input, { audience: 'recruiter' })
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

const TICK_MS = 5

/**
 * The host's longest event-loop stall while `work` runs, in ms: the largest lateness of a timer
 * re-armed every 5 ms. A last tick after the work catches a block that ran until its very end.
 */
async function longestStall(work: () => Promise<unknown>): Promise<{ stallMs: number; wallMs: number }> {
  let last = performance.now()
  let stallMs = 0
  let timer: NodeJS.Timeout
  const tick = () => {
    const now = performance.now()
    stallMs = Math.max(stallMs, now - last - TICK_MS)
    last = now
    timer = setTimeout(tick, TICK_MS)
  }
  timer = setTimeout(tick, TICK_MS)
  const started = performance.now()
  await work()
  const wallMs = performance.now() - started
  await new Promise((resolve) => setTimeout(resolve, TICK_MS * 2))
  clearTimeout(timer!)
  return { stallMs, wallMs }
}

const fixture = FIXTURE_JOBS[0]!
const skills = (ids: readonly string[], weight: number) => ids.map((skillId) => ({ skillId, name: skillId, weight }))

async function importFolder(host: Host, folder: string): Promise<void> {
  const job = await call<JobOpeningView>(host, 'jobs.create', {
    title: fixture.title,
    description: fixture.description,
    requiredSkills: skills(fixture.requiredSkills, 3),
    minYears: fixture.minYears,
  })
  const done = new Promise<void>((resolve) => {
    const off = host.events.subscribe((name, payload) => {
      if (name === 'intake.progress' && (payload as IntakeBatchView).status === 'done') {
        off()
        resolve()
      }
    })
  })
  picked = [folder]
  await call(host, 'intake.choosePaths', { kind: 'folder' })
  await call(host, 'intake.importPaths', { jobId: job.id, paths: [folder] })
  await done
}

async function reranks(host: Host, jobId: string): Promise<void> {
  await call(host, 'candidates.list', { jobId, limit: 100 })
  for (let i = 0; i < 6; i++) {
    await call(host, 'jobs.update', {
      id: jobId,
      patch: { requiredSkills: skills(fixture.requiredSkills.slice(0, 3 + (i % 3)), 3), minYears: 2 + (i % 8) },
    })
  }
}

async function roundTrips(send: () => Promise<unknown>, n = 400): Promise<number[]> {
  for (let i = 0; i < 20; i++) await send()
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await send()
    times.push(performance.now() - t)
  }
  return times
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`

async function main() {
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; ${os.availableParallelism()} cores`,
  )
  const folder = tempDir('panelist-bench-core-')
  await writeResumeFolder(folder, count)

  // One re-rank pool for both runs, grown once in process (not measured).
  const poolDir = tempDir('panelist-bench-pool-')
  const { studio: seed } = await createTempStudio({
    dataDir: poolDir,
    queueOptions: { pollMs: 250 },
    chooseResumePaths: dialog,
  })
  await importFolder(seed, folder)
  const bigJob = await call<JobOpeningView>(seed, 'jobs.create', {
    title: 'Re-rank bench',
    description: fixture.description,
  })
  await growPool(seed, bigJob.id, poolSize)
  await seed.close()

  const modes = [
    ['in the host process', inProcess],
    ['in the core process', coreProcess],
  ] as const
  const rows: { mode: string; importStall: number; importWall: number; rerankStall: number; rerankWall: number }[] = []
  for (const [mode, start] of modes) {
    const fresh = await start(tempDir('panelist-bench-import-'))
    const imported = await longestStall(() => importFolder(fresh, folder))
    await fresh.close()
    const pool = await start(poolDir)
    const reranked = await longestStall(() => reranks(pool, bigJob.id))
    await pool.close()
    rows.push({
      mode,
      importStall: imported.stallMs,
      importWall: imported.wallMs,
      rerankStall: reranked.stallMs,
      rerankWall: reranked.wallMs,
    })
  }
  console.log(
    `\nthe host's longest main-thread stall (event-loop delay), studio ${rows.map((r) => r.mode).join(' vs ')}:`,
  )
  for (const r of rows) {
    console.log(
      `  ${r.mode}: import of ${count} resumes ${fmt(r.importStall)} (import took ${(r.importWall / 1000).toFixed(1)} s); ` +
        `list + 6 re-ranks of ${poolSize} ${fmt(r.rerankStall)} (took ${(r.rerankWall / 1000).toFixed(1)} s)`,
    )
  }
  const [before, after] = rows
  console.log(
    `  ratio in/out of process: import ${(before!.importStall / after!.importStall).toFixed(1)}×, re-rank ${(before!.rerankStall / after!.rerankStall).toFixed(1)}×`,
  )

  const dataDir = tempDir('panelist-bench-rt-')
  const direct = await inProcess(dataDir)
  const directTimes = await roundTrips(() => call(direct, 'app.info', {}))
  await direct.close()
  const viaCore = await coreProcess(dataDir)
  const coreTimes = await roundTrips(() => call(viaCore, 'app.info', {}))
  await viaCore.close()
  const web = await startWebHost(dataDir)
  const socket = await hostSocket(web.url)
  const webTimes = await roundTrips(() => socket.call('app.info', {}))
  socket.close()
  await web.stop()
  console.log('\nrequest round-trip (app.info), p50 / p95:')
  for (const [label, times] of [
    ['in-process dispatch', directTimes],
    ['host → core process', coreTimes],
    ['browser socket → web host → core process', webTimes],
  ] as const) {
    console.log(`  ${label}: ${fmt(percentile(times, 50))} / ${fmt(percentile(times, 95))}`)
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
