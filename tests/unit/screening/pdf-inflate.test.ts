import zlib from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { extractDocument } from '@core/screening/extract'
import { buildHostileCases, buildResume, renderPdf, RESUME_PEOPLE } from '../../fixtures/resumes'

// pdf.js inflates a compressed stream through a web DecompressionStream, which on Node costs more to
// set up than the inflating itself. patches/README.md has it call Node's zlib once instead; a stream
// zlib refuses goes to pdf.js's own inflater, as one the DecompressionStream refused did.

afterEach(() => {
  vi.restoreAllMocks()
})

async function readAll(files: { bytes: Uint8Array; fileName: string }[]) {
  return Promise.all(files.map(({ bytes, fileName }) => extractDocument(bytes, fileName)))
}

describe("a PDF's compressed streams", () => {
  it("are inflated by Node's zlib in one call, and read the same by pdf.js's own inflater (the patch is applied)", async () => {
    const files = await Promise.all(
      RESUME_PEOPLE.slice(0, 4).map(async (person, index) => ({
        bytes: await renderPdf(buildResume(person), { layout: index % 2 ? 'banner' : 'classic' }),
        fileName: `${person.id}.pdf`,
      })),
    )
    const hostile = (await buildHostileCases()).filter((hostile) => hostile.fileName.endsWith('.pdf'))
    const inflate = vi.spyOn(zlib, 'inflateSync')
    const withZlib = await readAll([...files, ...hostile])
    expect(inflate.mock.calls.length).toBeGreaterThanOrEqual(files.length)
    expect(withZlib.filter((outcome) => outcome.ok).length).toBeGreaterThanOrEqual(files.length)

    inflate.mockImplementation(() => {
      throw new Error('refused')
    })
    expect(await readAll([...files, ...hostile])).toEqual(withZlib)
  })
})
