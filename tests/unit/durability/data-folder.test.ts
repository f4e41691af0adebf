import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openDatabase } from '@core/db/open'
import { silentLogger } from '@core/logger'
import type { Studio } from '@core/studio'
import { hostSocket } from '../../helpers/host-socket'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../../helpers/web-host'

let host: RunningHost | undefined
let studio: Studio | undefined
afterEach(async () => {
  await host?.stop()
  host = undefined
  await studio?.close()
  studio = undefined
})

/** Every file and folder under `dir` whose mode lets group or others in, with its mode. */
function shared(dir: string): string[] {
  const found: string[] = []
  const visit = (entry: string) => {
    const stat = fs.lstatSync(entry)
    if (stat.mode & 0o077) found.push(`${path.relative(dir, entry) || '.'} ${(stat.mode & 0o777).toString(8)}`)
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name))
  }
  visit(dir)
  return found
}

describe.skipIf(process.platform === 'win32')('the data folder’s modes (finding 9)', () => {
  it('makes what an earlier version left world-readable private, and creates everything new private', async () => {
    const dataDir = tempDir('panelist-modes-')
    fs.chmodSync(dataDir, 0o755)
    const opened = await openDatabase({
      file: path.join(dataDir, 'panelist.sqlite'),
      clock: { now: () => 0 },
      logger: silentLogger,
    })
    await opened.close()
    fs.mkdirSync(path.join(dataDir, 'files/ab'), { recursive: true, mode: 0o755 })
    fs.writeFileSync(path.join(dataDir, 'files/ab/old-resume.pdf'), 'x', { mode: 0o644 })
    fs.mkdirSync(path.join(dataDir, 'recordings/s1'), { recursive: true, mode: 0o755 })
    fs.writeFileSync(path.join(dataDir, 'recordings/s1/answer-0.wav'), 'x', { mode: 0o644 })
    fs.chmodSync(path.join(dataDir, 'panelist.sqlite'), 0o644)
    expect(shared(dataDir).length).toBeGreaterThan(4)

    host = await startWebHost(dataDir)
    const rpc = await hostSocket(host.url)
    const text = 'Ada Byron\nada@example.com\nData Scientist, 2019 - present\nPython, SQL\n'
    await rpc.call('intake.importFiles', {
      files: [{ name: 'ada.txt', size: text.length, lastModified: 0, base64: Buffer.from(text).toString('base64') }],
    })
    rpc.close()
    await host.stop()
    host = undefined

    expect(fs.readdirSync(path.join(dataDir, 'files')).length).toBeGreaterThan(1)
    expect(shared(dataDir)).toEqual([])
  })

  it('gives the core’s files their modes itself, whatever umask its host left (a test, the CLI)', async () => {
    const previous = process.umask(0o022)
    try {
      const created = await createTempStudio({ startWorkers: false })
      studio = created.studio
      const recruiter = { audience: 'recruiter' as const }
      const names = (dir: string) => fs.readdirSync(path.join(created.dataDir, dir))
      const text = 'Grace Hopper\ngrace@example.com\nCompiler engineer, 2015 - present\nCOBOL, Fortran\n'
      const file = {
        name: 'grace.txt',
        size: text.length,
        lastModified: 0,
        base64: Buffer.from(text).toString('base64'),
      }
      expect(await studio.dispatch('intake.importFiles', { files: [file] }, recruiter)).toMatchObject({ ok: true })
      expect(
        await studio.dispatch('secrets.set', { name: 'openai.apiKey', value: 'sk-test-0123456789' }, recruiter),
      ).toMatchObject({ ok: true })
      expect(await studio.dispatch('settings.update', { workerConcurrency: 1 }, recruiter)).toMatchObject({ ok: true })
      expect(names('.')).toEqual(expect.arrayContaining(['panelist.sqlite-wal', 'panelist.sqlite-shm']))
      expect(shared(created.dataDir)).toEqual([])
      await studio.close()
      studio = undefined

      expect(names('files').length).toBeGreaterThan(0)
      expect(names('backups')).toEqual([expect.stringMatching(/^panelist-\d+\.sqlite$/)])
      expect(names('.')).toEqual(expect.arrayContaining(['secrets.key', 'secrets.json', 'preferences.json']))
      expect(shared(created.dataDir)).toEqual([])
    } finally {
      process.umask(previous)
    }
  })
})

describe.skipIf(process.platform === 'win32')('a data folder whose file system keeps no modes', () => {
  it('still starts the studio when every chmod is refused, as on FAT or some network shares', async () => {
    const dataDir = tempDir('panelist-no-modes-')
    fs.chmodSync(dataDir, 0o755)
    const refused = () => Object.assign(new Error('operation not permitted'), { code: 'EPERM' })
    const chmods = [
      vi.spyOn(fs, 'chmodSync').mockImplementation(() => {
        throw refused()
      }),
      vi.spyOn(fs.promises, 'chmod').mockRejectedValue(refused()),
    ]
    try {
      ;({ studio } = await createTempStudio({ dataDir, startWorkers: false }))
      expect(
        await studio.dispatch('jobs.create', { title: 'Nurse', description: 'Care.' }, { audience: 'recruiter' }),
      ).toMatchObject({ ok: true })
      expect(chmods.some((chmod) => chmod.mock.calls.length > 0)).toBe(true)
    } finally {
      for (const chmod of chmods) chmod.mockRestore()
    }
  })
})

describe('temporary files of interrupted writes (finding 9)', () => {
  it('are removed at start-up when their process is gone; other files and live writes stay', async () => {
    const dataDir = tempDir('panelist-temps-')
    const plant = (relative: string) => {
      fs.mkdirSync(path.dirname(path.join(dataDir, relative)), { recursive: true })
      fs.writeFileSync(path.join(dataDir, relative), 'partial')
      return relative
    }
    // Process ids above the kernel's limit: no such process can be running.
    const orphans = [
      plant('files/ab/abc123.pdf.4194399.deadbeef.tmp'),
      plant('preferences.json.4194398.tmp'),
      plant('recordings/s1/answer.wav.4194397.0badf00d.tmp'),
      // A backup killed mid-copy: its partial file and the rollback journal SQLite kept beside it.
      plant('backups/panelist-1700000000000.sqlite.4194396.tmp'),
      plant('backups/panelist-1700000000000.sqlite.4194396.tmp-journal'),
    ]
    const kept = [
      plant('files/ab/notes.tmp'),
      plant('files/ab/notes.tmp-journal'),
      plant(`files/ab/abc456.pdf.${process.pid}.cafebabe.tmp`),
      plant('files/ab/abc123.pdf'),
    ]
    ;({ studio } = await createTempStudio({ dataDir, startWorkers: false }))
    for (const file of orphans) expect(fs.existsSync(path.join(dataDir, file)), file).toBe(false)
    for (const file of kept) expect(fs.existsSync(path.join(dataDir, file)), file).toBe(true)
  })
})
