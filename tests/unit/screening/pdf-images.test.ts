import { describe, expect, it } from 'vitest'
import { extractDocument } from '@core/screening/extract'
import { buildResume, renderPdf, RESUME_PEOPLE } from '../../fixtures/resumes'
import { withPdfDocument } from '../../helpers/pdfjs-document'

// The reader needs to know where images are painted, never what they show: patches/README.md adds
// pdf.js's `decodeImages: false`, which lists each image without decoding its pixels.

/** The operator list of a PDF's first page, as the reader asks for it but for `decodeImages`. */
async function firstPageOperators(bytes: Uint8Array, decodeImages: boolean) {
  return withPdfDocument(bytes, { decodeImages }, async (pdf, pdfjs) => {
    const page = await pdf.getPage(1)
    const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE })
    const ops = pdfjs.OPS
    const idsOf = (op: number) =>
      list.fnArray.flatMap((fn, i) => (fn === op ? [(list.argsArray[i] as unknown[])[0]] : []))
    const images = idsOf(ops.paintImageXObject)
    // An image whose pixels are sent is a dependency a renderer waits for; one never decoded is not.
    return { painted: images.length, awaited: idsOf(ops.dependency).filter((id) => images.includes(id)).length }
  })
}

describe('images in a PDF resume', () => {
  const engineer = buildResume(RESUME_PEOPLE[0]!)

  it('are listed where they are painted, without their pixels being decoded (the pdf.js patch is applied)', async () => {
    const bytes = await renderPdf(engineer, { photo: true })
    expect(await firstPageOperators(bytes, true)).toEqual({ painted: 1, awaited: 1 })
    expect(await firstPageOperators(bytes, false)).toEqual({ painted: 1, awaited: 0 })
  })

  it('change nothing the reader reads from the text around them', async () => {
    for (const person of RESUME_PEOPLE.slice(0, 4)) {
      const resume = buildResume(person)
      const plain = await extractDocument(await renderPdf(resume), 'plain.pdf')
      const withPhoto = await extractDocument(await renderPdf(resume, { photo: true }), 'photo.pdf')
      expect(withPhoto.ok, person.id).toBe(true)
      expect(withPhoto).toEqual(plain)
    }
  })
})
