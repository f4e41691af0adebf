import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Studio } from '@core/studio'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'

const recruiter = { audience: 'recruiter' as const }
const studios: Studio[] = []
afterEach(async () => {
  await Promise.all(studios.splice(0).map((studio) => studio.close()))
})

describe('resumes opened with the desktop app', () => {
  it('are offered once to the recruiter, announced, and importable by path; other paths stay refused', async () => {
    const { studio } = await createTempStudio()
    studios.push(studio)
    const folder = tempDir('panelist-opened-')
    const opened = path.join(folder, 'ada.txt')
    fs.writeFileSync(opened, 'Ada Lovelace\nada@example.com\nSkills: Python, SQL\n')
    const other = path.join(folder, 'not-opened.txt')
    fs.writeFileSync(other, 'Alan Turing\nalan@example.com\n')
    const announced: unknown[] = []
    studio.events.subscribe((name, payload) => name === 'intake.filesOpened' && announced.push(payload))

    await studio.openFiles([opened, opened])
    expect(announced).toEqual([{ count: 1 }])
    await expect(studio.dispatch('intake.takeOpenedFiles', {}, { audience: 'kiosk' })).resolves.toMatchObject({
      ok: false,
    })
    await expect(studio.dispatch('intake.takeOpenedFiles', {}, recruiter)).resolves.toEqual({
      ok: true,
      value: { paths: [opened] },
    })
    // Taken once: a reload or a second window does not import them again.
    await expect(studio.dispatch('intake.takeOpenedFiles', {}, recruiter)).resolves.toEqual({
      ok: true,
      value: { paths: [] },
    })
    await expect(studio.dispatch('intake.importPaths', { paths: [opened] }, recruiter)).resolves.toMatchObject({
      ok: true,
    })
    await expect(studio.dispatch('intake.importPaths', { paths: [other] }, recruiter)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })
})
