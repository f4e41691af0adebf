import zlib from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { extractDocument } from '@core/screening/extract'
import { DEFAULT_EXTRACT_LIMITS } from '@core/screening/extract/limits'
import { buildHostileCases, buildResume, renderPdf, RESUME_PEOPLE } from '../../fixtures/resumes'
import { flateBombPdf } from '../../fixtures/resumes/binary'

// pdf.js inflates a compressed stream through a web DecompressionStream, which on Node costs more to
// set up than the inflating itself. patches/README.md has it call Node's zlib once instead; a stream
// zlib refuses goes to pdf.js's own inflater, as one the DecompressionStream refused did. Neither
// unpacks a stream beyond the cap on unpacked bytes (maxUnzippedBytes, as for a Word file's parts).

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
    // A bomb is refused either way; the next test holds that on a smaller one.
    const hostile = (await buildHostileCases()).filter(
      (hostile) =>
        hostile.fileName.endsWith('.pdf') && !('refusal' in hostile.expect && hostile.expect.refusal === 'zip_bomb'),
    )
    const inflate = vi.spyOn(zlib, 'inflateSync')
    const withZlib = await readAll([...files, ...hostile])
    expect(inflate.mock.calls.length).toBeGreaterThanOrEqual(files.length)
    expect(withZlib.filter((outcome) => outcome.ok).length).toBeGreaterThanOrEqual(files.length)

    inflate.mockImplementation(() => {
      throw new Error('refused')
    })
    expect(await readAll([...files, ...hostile])).toEqual(withZlib)
  })

  it("are refused as a bomb when one unpacks beyond the cap; pdf.js's own inflater stops there too", async () => {
    const limits = { ...DEFAULT_EXTRACT_LIMITS, maxUnzippedBytes: 1024 * 1024 }
    const [before, after] = ['Experienced engineer with Python', 'Kubernetes and Terraform']
    const bomb = flateBombPdf(16 * 1024 * 1024, before, after)
    expect(await extractDocument(bomb, 'bomb.pdf', limits)).toMatchObject({
      ok: false,
      refusal: { reason: 'zip_bomb' },
    })
    expect((await extractDocument(bomb, 'bomb.pdf')).ok).toBe(true)

    // Under a predictor pdf.js inflates the stream itself: the whole page under the cap, a refusal over it.
    const small = await extractDocument(flateBombPdf(1000, before, after, true), 'small.pdf', limits)
    expect(small.ok && small.document.text).toMatch(/Experienced engineer with Python\s+Kubernetes and Terraform/)
    const inflate = vi.spyOn(zlib, 'inflateSync')
    const big = await extractDocument(flateBombPdf(16 * 1024 * 1024, before, after, true), 'big.pdf', limits)
    expect(inflate).not.toHaveBeenCalled()
    expect(big).toMatchObject({ ok: false, refusal: { reason: 'zip_bomb' } })
  })

  it("are capped as well where pdf.js has no zlib and inflates through the web's DecompressionStream", async () => {
    const limits = { ...DEFAULT_EXTRACT_LIMITS, maxUnzippedBytes: 1024 * 1024 }
    const [before, after] = ['Experienced engineer with Python', 'Kubernetes and Terraform']
    const node = process as { getBuiltinModule?: unknown }
    const own = node.getBuiltinModule
    node.getBuiltinModule = undefined
    try {
      const small = await extractDocument(flateBombPdf(1000, before, after), 'small.pdf', limits)
      expect(small.ok && small.document.text).toMatch(/Experienced engineer with Python\s+Kubernetes and Terraform/)
      const bomb = await extractDocument(flateBombPdf(16 * 1024 * 1024, before, after), 'bomb.pdf', limits)
      expect(bomb).toMatchObject({ ok: false, refusal: { reason: 'zip_bomb' } })
    } finally {
      node.getBuiltinModule = own
    }
  })
})
