import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { REQUEST_STORAGE_FULL, STUDIO_STORAGE_FULL } from '@core/data-folder/storage-full'
import type { Studio } from '@core/studio'
import { budget } from '../../helpers/patience'
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../../helpers/small-disk'
import { createTempStudio } from '../../helpers/temp-studio'
import { startWebHost } from '../../helpers/web-host'

let disk: SmallDisk | undefined
let studio: Studio | undefined
afterEach(async () => {
  await studio?.close().catch(() => undefined)
  studio = undefined
  disk?.unmount()
  disk = undefined
})

const recruiter = { audience: 'recruiter' as const }
const job = (title: string) => ({ title, description: `${title}. ${'Builds reliable systems. '.repeat(40)}` })

/** Starts the built web host and resolves with how it ended on its own: exit code and stderr. */
function startAndExit(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(__dirname, '../../../out/main/web-host.js')], {
    env: { ...process.env, PANELIST_DATA_DIR: dataDir, PANELIST_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), budget(30_000))
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    })
  })
}

const unavailable = smallDiskUnavailable()

describe.skipIf(unavailable)(`a full disk and the database (§7 D04)${unavailable ? ` [${unavailable}]` : ''}`, () => {
  it('refuses a write in words, rolls it back, keeps what was saved, and writes again once there is room', async () => {
    disk = mountSmallDisk(16 * 1024 * 1024)
    ;({ studio } = await createTempStudio({ dataDir: disk.dir, startWorkers: false }))
    const banners: string[] = []
    studio.events.subscribe((name, payload) => {
      if (name === 'app.storageFull') banners.push((payload as { message: string }).message)
    })
    expect(await studio.dispatch('jobs.create', job('Backend engineer'), recruiter)).toMatchObject({ ok: true })

    disk.fill()
    // Enough rows that the WAL must grow past what is already allocated.
    let refused: unknown
    for (let i = 0; i < 200 && !refused; i++) {
      const result = await studio.dispatch('jobs.create', job(`Engineer ${i}`), recruiter)
      if (!result.ok) refused = result
    }
    expect(refused).toEqual({ ok: false, error: { code: 'unavailable', message: REQUEST_STORAGE_FULL } })
    expect(banners).toContain(STUDIO_STORAGE_FULL)
    const before = await studio.db.selectFrom('job_openings').select('title').execute()
    expect(before.map((j) => j.title)).toContain('Backend engineer')

    disk.free()
    expect(await studio.dispatch('jobs.create', job('After the clean-up'), recruiter)).toMatchObject({ ok: true })
    const after = await studio.db.selectFrom('job_openings').select('title').execute()
    expect(after).toHaveLength(before.length + 1)
  })

  it('says at start-up, in words, that the disk is full instead of a stack', async () => {
    disk = mountSmallDisk(4 * 1024 * 1024)
    const dataDir = path.join(disk.dir, 'data')
    fs.mkdirSync(dataDir)
    disk.fill()
    const { code, stderr } = await startAndExit(dataDir)
    expect(code).toBe(1)
    expect(stderr).toContain(`The disk holding Panelist’s data (${dataDir}) is full, so Panelist cannot start.`)
    expect(stderr).not.toMatch(/SqliteError|\n\s+at /)

    disk.free()
    const host = await startWebHost(dataDir)
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:/)
    await host.stop()
  })
})
