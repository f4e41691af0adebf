import { afterEach, describe, expect, it } from 'vitest'
import { createTempStudio } from '../../helpers/temp-studio'

type Studio = Awaited<ReturnType<typeof createTempStudio>>['studio']
const studios: Studio[] = []
afterEach(async () => {
  while (studios.length) await studios.pop()!.close()
})

async function studio(
  saveReportPdf?: (request: { connection: string; fileName: string }) => Promise<{ saved: boolean }>,
) {
  const { studio } = await createTempStudio({ startWorkers: false, saveReportPdf })
  studios.push(studio)
  return studio
}

const input = { fileName: 'Assessment report - Grace Hopper.pdf' }

describe('assessments.savePdf', () => {
  it("hands the calling window and the suggested name to the desktop's PDF saver", async () => {
    const asked: unknown[] = []
    const s = await studio(async (request) => {
      asked.push(request)
      return { saved: true }
    })
    const result = await s.dispatch('assessments.savePdf', input, { audience: 'recruiter', connection: '7' })
    expect(result).toEqual({ ok: true, value: { saved: true } })
    expect(asked).toEqual([{ connection: '7', fileName: 'Assessment report - Grace Hopper.pdf' }])
  })

  it('refuses the kiosk, a host that prints through the browser, and a name with a folder in it', async () => {
    let calls = 0
    const desktop = await studio(async () => {
      calls++
      return { saved: true }
    })
    expect(await desktop.dispatch('assessments.savePdf', input, { audience: 'kiosk', connection: '7' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    for (const fileName of ['../../etc/report.pdf', 'report.exe', 'a\nb.pdf']) {
      expect(
        await desktop.dispatch('assessments.savePdf', { fileName }, { audience: 'recruiter', connection: '7' }),
      ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(calls).toBe(0)
    const web = await studio()
    expect(await web.dispatch('assessments.savePdf', input, { audience: 'recruiter', connection: '7' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    })
  })
})
