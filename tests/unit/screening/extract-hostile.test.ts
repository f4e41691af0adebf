import { describe, expect, it } from 'vitest'
import { DEFAULT_EXTRACT_LIMITS, extractDocument } from '@core/screening/extract'
import type { ExtractOutcome } from '@core/screening/types'
import {
  buildHostileCases,
  buildResume,
  minimalDocx,
  documentXml,
  RESUME_PEOPLE,
  renderPdf,
  slowPdf,
} from '../../fixtures/resumes'

const cases = await buildHostileCases()

function documentOf(outcome: ExtractOutcome) {
  if (!outcome.ok) throw new Error(`expected a document, got ${outcome.refusal.reason}: ${outcome.refusal.message}`)
  return outcome.document
}

describe('hostile files are refused with the right reason', () => {
  const refusals = cases.flatMap((item) => ('refusal' in item.expect ? [{ ...item, reason: item.expect.refusal }] : []))

  it('covers every refusal reason but the time cap', () => {
    expect(new Set(refusals.map((item) => item.reason))).toEqual(
      new Set([
        'empty',
        'too_large',
        'unsupported_type',
        'encrypted',
        'corrupt',
        'no_text_layer',
        'zip_bomb',
        'external_entity',
        'too_long',
      ]),
    )
  })

  it.each(refusals)('$fileName ($description) → $reason', async ({ bytes, fileName, reason }) => {
    const outcome = await extractDocument(bytes, fileName)
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.refusal.reason).toBe(reason)
    expect(outcome.refusal.message.length).toBeGreaterThan(20)
  })
})

describe('files that are read, with what is hidden or aimed at AI flagged', () => {
  const readable = cases.flatMap((item) => ('format' in item.expect ? [{ ...item, expectation: item.expect }] : []))

  it.each(readable)('$fileName ($description)', async ({ bytes, fileName, expectation }) => {
    const document = documentOf(await extractDocument(bytes, fileName))
    expect(document.format).toBe(expectation.format)
    for (const hidden of expectation.hidden ?? []) {
      expect(document.hiddenText).toContain(hidden)
      expect(document.text).not.toContain(hidden)
      const flag = document.flags.find(
        (candidate) => candidate.kind === 'hidden_text' && candidate.text.includes(hidden),
      )
      expect(flag, `hidden-text flag for "${hidden}"`).toBeDefined()
      expect(flag!.detail).toMatch(/^Text a reader cannot see: /)
    }
    for (const instruction of expectation.injection ?? []) {
      expect(document.flags.some((flag) => flag.kind === 'prompt_injection' && flag.text.includes(instruction))).toBe(
        true,
      )
    }
    if (expectation.noHiddenFlags) expect(document.flags.filter((flag) => flag.kind === 'hidden_text')).toEqual([])
    for (const visible of expectation.visible ?? []) expect(document.text).toContain(visible)
  })

  it('says how each PDF trick hid the text', async () => {
    const details = new Map<string, string>()
    for (const item of readable.filter((candidate) => candidate.fileName.endsWith('-text.pdf'))) {
      const document = documentOf(await extractDocument(item.bytes, item.fileName))
      details.set(item.fileName, document.flags.find((flag) => flag.kind === 'hidden_text')!.detail)
    }
    expect(details.get('white-text.pdf')).toContain('text colour #ffffff on a #ffffff background')
    expect(details.get('near-white-text.pdf')).toContain('#f7f7f7')
    expect(details.get('tiny-text.pdf')).toContain('font size 1.0 pt')
    expect(details.get('off-page-text.pdf')).toContain('outside the page')
    expect(details.get('invisible-text.pdf')).toContain('invisible text mode')
    expect(details.get('transparent-text.pdf')).toContain('transparent')
    expect(details.get('covered-text.pdf')).toContain('covered by a shape')
    expect(details.get('image-covered-text.pdf')).toContain('covered by an image')
    expect(details.get('clipped-text.pdf')).toContain('clipped out of view')
    expect(details.get('form-clipped-text.pdf')).toContain('clipped out of view')
    expect(details.get('hidden-layer-text.pdf')).toContain('layer that is switched off')
  })

  it('puts the page number on PDF flags', async () => {
    const white = readable.find((item) => item.fileName === 'white-text.pdf')!
    const document = documentOf(await extractDocument(white.bytes, white.fileName))
    expect(document.flags.every((flag) => flag.page === 1)).toBe(true)
  })
})

describe('limits', () => {
  const resume = buildResume(RESUME_PEOPLE[0]!)

  it('stops a document that takes longer than the time cap', async () => {
    const bytes = await slowPdf(20, 400)
    const outcome = await extractDocument(bytes, 'slow.pdf', { ...DEFAULT_EXTRACT_LIMITS, maxMs: 150 })
    expect(outcome).toMatchObject({ ok: false, refusal: { reason: 'timeout' } })
    // With room to finish, the same file reads.
    expect((await extractDocument(bytes, 'slow.pdf', { ...DEFAULT_EXTRACT_LIMITS, maxMs: 20_000 })).ok).toBe(true)
  })

  it('applies the size and page caps it is given', async () => {
    const pdf = await renderPdf(resume)
    expect(await extractDocument(pdf, 'a.pdf', { ...DEFAULT_EXTRACT_LIMITS, maxBytes: pdf.length - 1 })).toMatchObject({
      ok: false,
      refusal: { reason: 'too_large' },
    })
    expect(await extractDocument(pdf, 'a.pdf', { ...DEFAULT_EXTRACT_LIMITS, maxBytes: pdf.length })).toMatchObject({
      ok: true,
    })
    const twoPages = await renderPdf(resume, { repeatExperience: 6 })
    expect(await extractDocument(twoPages, 'b.pdf', { ...DEFAULT_EXTRACT_LIMITS, maxPages: 1 })).toMatchObject({
      ok: false,
      refusal: { reason: 'too_long' },
    })
  })

  it('applies the unpacked-size and ratio caps to DOCX parts', async () => {
    // About 300 KB of short paragraphs: under the page cap, and compressing like a real document (about 10x).
    const body = documentXml([
      'Jordan Smith',
      'Registered Nurse',
      ...Array.from({ length: 7000 }, (_, index) => `item ${(index * 7919) % 10007}`),
    ])
    const docx = minimalDocx(body)
    expect(
      await extractDocument(docx, 'a.docx', { ...DEFAULT_EXTRACT_LIMITS, maxUnzippedBytes: 64 * 1024 }),
    ).toMatchObject({ ok: false, refusal: { reason: 'zip_bomb' } })
    expect(await extractDocument(docx, 'a.docx', { ...DEFAULT_EXTRACT_LIMITS, maxZipRatio: 5 })).toMatchObject({
      ok: false,
      refusal: { reason: 'zip_bomb' },
    })
    expect(await extractDocument(docx, 'a.docx')).toMatchObject({ ok: true, document: { format: 'docx' } })
  })
})
