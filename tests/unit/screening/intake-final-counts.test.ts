import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { JobView } from '@shared/contract/foundation'
import type { IntakeBatchView } from '@shared/contract/screening'
import { poolParser } from '@core/screening/intake/pool-parser'
import type { ResumeParser } from '@core/screening/intake/resume-parser'
import { loadTaxonomyFile } from '@core/screening/taxonomy'
import type { Studio } from '@core/studio'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'
import { writeFixtureFolder } from '../../fixtures/resumes'

let studio: Studio | undefined
let parser: ResumeParser
beforeAll(async () => {
  parser = poolParser({
    taxonomy: (await loadTaxonomyFile(path.join(__dirname, '../../../resources/skills.json'))).transfer,
  })
})
afterAll(() => parser.close())
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

describe('an import’s queue row', () => {
  it('ends with its final count, not the last count written while it ran', async () => {
    const made = await createTempStudio({ resumeParser: parser })
    studio = made.studio
    const dir = tempDir('panelist-resumes-')
    const manifest = await writeFixtureFolder(dir, { count: 25 })
    await made.pick([dir])
    const started = await studio.dispatch('intake.importPaths', { paths: [dir] }, { audience: 'recruiter' })
    if (!started.ok) throw new Error(started.error.message)
    const queueJobId = (started.value as IntakeBatchView).queueJobId

    let row: JobView | undefined
    for (;;) {
      await studio.queue.idle()
      const listed = await studio.dispatch('queue.list', {}, { audience: 'recruiter' })
      if (!listed.ok) throw new Error(listed.error.message)
      row = (listed.value as JobView[]).find((job) => job.id === queueJobId)
      if (row && row.status !== 'queued' && row.status !== 'running') break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(row.status).toBe('succeeded')
    expect(row.progress).toBe(1)
    expect(row.progressNote).toBe(`${manifest.length} of ${manifest.length} files`)
  })
})
