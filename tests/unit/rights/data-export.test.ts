import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import type { DataExport } from '@shared/contract/rights'
import { assessmentWorld, GOOD_ANSWERS, type AssessmentWorld } from '../assessment/world'
import { EMAIL, fullCandidate, NAME, NOTE } from './rights-world'

const worlds: AssessmentWorld[] = []
afterEach(async () => {
  while (worlds.length) await worlds.pop()!.close()
})

describe("a candidate's data export for an access request", () => {
  it('is one zip with their JSON Resume, files, notes, answers, assessment and recordings', async () => {
    const w = await assessmentWorld()
    worlds.push(w)
    const { candidateId, sessionId } = await fullCandidate(w)

    const exported = await w.call<DataExport>('rights.exportData', { candidateId })
    expect(exported).toMatchObject({ fileName: 'Zebediah-Quillfeather-data.zip', mediaType: 'application/zip' })
    const zip = await JSZip.loadAsync(Buffer.from(exported.base64, 'base64'))
    const names = Object.keys(zip.files).sort()
    expect(names).toEqual([...exported.entries].sort())
    const dir = `interviews/${sessionId}`
    expect(names).toEqual(
      expect.arrayContaining([
        'resume.json',
        'applications.json',
        `${dir}/answers.json`,
        `${dir}/assessment.json`,
        `${dir}/recordings/turn-000-abcdef.wav`,
      ]),
    )
    const read = async (name: string) => JSON.parse(await zip.file(name)!.async('string'))
    expect((await read('resume.json')).basics).toMatchObject({ name: NAME, email: EMAIL })
    expect((await read('applications.json')).notes.map((n: { body: string }) => n.body)).toEqual([NOTE])
    const resumeFile = names.find((n) => n.startsWith('resume-files/'))!
    expect(await zip.file(resumeFile)!.async('string')).toContain(NAME)
    expect((await read(`${dir}/answers.json`)).map((a: { text: string }) => a.text)).toEqual(GOOD_ANSWERS)
    const assessment = await read(`${dir}/assessment.json`)
    expect(assessment.assessments.length).toBeGreaterThan(0)
    expect(assessment.decisions).toHaveLength(1)
    expect(await zip.file(`${dir}/recordings/turn-000-abcdef.wav`)!.async('string')).toBe('RIFF fake audio')

    const fromKiosk = await w.studio.dispatch('rights.exportData', { candidateId }, { audience: 'kiosk' })
    expect(fromKiosk).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})
