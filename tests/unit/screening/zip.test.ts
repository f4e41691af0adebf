import { describe, expect, it } from 'vitest'
import { DEFAULT_EXTRACT_LIMITS, extractDocument } from '@core/screening/extract'
import { openZip } from '@core/screening/extract/zip'
import { buildZip, documentXml, minimalDocx } from '../../fixtures/resumes'

// The ZIP reader is yauzl with our caps on top. These cases are the ones where yauzl's own checks
// (bounds, local headers, entry sizes, strict names) decide, and the one check yauzl does not make
// (CRC-32) that stays ours.

const body = documentXml(['Jordan Smith', 'Software engineer with Python and SQL since 2015.'])

async function refusalOf(bytes: Uint8Array) {
  const outcome = await extractDocument(bytes, 'cv.docx')
  if (outcome.ok) throw new Error('expected a refusal')
  expect(outcome.refusal.message.length).toBeGreaterThan(20)
  return outcome.refusal
}

/** Where a member's local header starts, found by its name right after a local signature. */
function localHeaderOf(bytes: Uint8Array, name: string): number {
  const buffer = Buffer.from(bytes)
  const nameBytes = Buffer.from(name, 'utf8')
  const signature = Buffer.from('PK\u0003\u0004', 'latin1')
  for (let at = buffer.indexOf(signature); at >= 0; at = buffer.indexOf(signature, at + 4)) {
    if (buffer.subarray(at + 30, at + 30 + nameBytes.length).equals(nameBytes)) return at
  }
  throw new Error(`no local header for ${name}`)
}

describe('ZIP reader (yauzl with our caps)', () => {
  it('reads a well-formed DOCX and gives each part checked against its size and CRC', async () => {
    const zip = await openZip(minimalDocx(body), DEFAULT_EXTRACT_LIMITS)
    try {
      expect([...zip.entries.keys()]).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])
      expect((await zip.read('word/document.xml'))?.toString('utf8')).toBe(body)
      expect(await zip.read('word/missing.xml')).toBeUndefined()
    } finally {
      zip.close()
    }
  })

  it('refuses a truncated archive (no end of central directory) as corrupt', async () => {
    const whole = minimalDocx(body)
    expect(await refusalOf(whole.subarray(0, Math.floor(whole.length * 0.7)))).toMatchObject({ reason: 'corrupt' })
  })

  it('refuses an entry whose local header is not where the central directory says', async () => {
    const bytes = new Uint8Array(minimalDocx(body))
    const at = localHeaderOf(bytes, 'word/document.xml')
    bytes[at] = 0x00 // the local signature no longer matches: yauzl's check
    const refusal = await refusalOf(bytes)
    expect(refusal.reason).toBe('corrupt')
    expect(refusal.message).toContain('word/document.xml')
  })

  it('refuses an entry whose local header disagrees with the central directory on its layout', async () => {
    const bytes = new Uint8Array(minimalDocx(body))
    const at = localHeaderOf(bytes, 'word/document.xml')
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    view.setUint16(at + 28, 7, true) // an extra field the central directory knows nothing of: data starts later
    expect(await refusalOf(bytes)).toMatchObject({ reason: 'corrupt' })
  })

  it('refuses a central directory whose sizes point past the end of the file', async () => {
    const bytes = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: body, declaredCompressedSize: 10_000_000 },
    ])
    expect(await refusalOf(bytes)).toMatchObject({ reason: 'corrupt' })
  })

  it('refuses a deflated part that inflates to less than it declares', async () => {
    const lying = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: body, declaredSize: body.length + 100 },
    ])
    const refusal = await refusalOf(lying)
    expect(refusal.reason).toBe('corrupt')
    expect(refusal.message).toMatch(/cut short|damaged/)
  })

  it('stops a deflated part that inflates past its declared size as a zip bomb (inflate capped at the declared size)', async () => {
    const big = documentXml(['Jordan Smith', 'x'.repeat(200_000)])
    const bytes = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: big, declaredSize: 1000 },
    ])
    expect(await refusalOf(bytes)).toMatchObject({ reason: 'zip_bomb' })
  })

  it('refuses a stored part whose bytes do not match its CRC-32 (yauzl does not check CRCs; this check is ours)', async () => {
    const bytes = new Uint8Array(
      buildZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'word/document.xml', data: body, store: true },
      ]),
    )
    const at = localHeaderOf(bytes, 'word/document.xml') + 30 + 'word/document.xml'.length
    const jordan = Buffer.from(bytes).indexOf('Jordan', at)
    bytes[jordan] = 'G'.charCodeAt(0)
    const refusal = await refusalOf(bytes)
    expect(refusal.reason).toBe('corrupt')
    expect(refusal.message).toContain('checksum')
  })

  it.each(['word\\..\\..\\evil.xml', '/etc/evil.xml', 'C:/evil.xml', 'word/../../evil.xml'])(
    'refuses the unsafe entry name %s as corrupt',
    async (name) => {
      const refusal = await refusalOf(minimalDocx(body, [{ name, data: '<evil/>' }]))
      expect(refusal.reason).toBe('corrupt')
      expect(refusal.message).toContain('unsafe file name')
    },
  )

  it('refuses a part marked as encrypted', async () => {
    const bytes = new Uint8Array(minimalDocx(body))
    const central = Buffer.from(bytes).indexOf(Buffer.from('PK\u0001\u0002', 'latin1'))
    bytes[central + 8] = bytes[central + 8]! | 0x1
    expect(await refusalOf(bytes)).toMatchObject({ reason: 'encrypted' })
  })

  it('keeps our caps on top: total declared size and entry count, before anything is inflated', async () => {
    const parts = Array.from({ length: 4 }, (_, index) => ({
      name: `word/media/p${index}.bin`,
      data: new Uint8Array(40_000),
    }))
    expect(
      await extractDocument(minimalDocx(body, parts), 'cv.docx', {
        ...DEFAULT_EXTRACT_LIMITS,
        maxUnzippedBytes: 100_000,
      }),
    ).toMatchObject({ ok: false, refusal: { reason: 'zip_bomb' } })
    const many = Array.from({ length: 2_001 }, (_, index) => ({ name: `p${index}.xml`, data: '<x/>', store: true }))
    expect(await refusalOf(minimalDocx(body, many))).toMatchObject({ reason: 'zip_bomb' })
  })
})
