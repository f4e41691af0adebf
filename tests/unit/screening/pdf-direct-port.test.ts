import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Deadline } from '@core/screening/extract/deadline'
import { DEFAULT_EXTRACT_LIMITS } from '@core/screening/extract/limits'
import { readPdf } from '@core/screening/extract/pdf/read-pdf'
import { buildHostileCases, buildResume, renderPdf, RESUME_PEOPLE, slowPdf } from '../../fixtures/resumes'

// The reader hands pdf.js's messages between its two in-thread halves without copying them (see
// DirectPort in pdfjs.ts). pdf.js's own port copies each one; whatever the reader makes of a file
// must not depend on which of the two carried it.

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-'

async function readBothWays(bytes: Uint8Array) {
  const read = (openWorker?: () => Promise<undefined>) =>
    readPdf(bytes, DEFAULT_EXTRACT_LIMITS, new Deadline(60_000), openWorker).then(
      (document) => ({ document }),
      (error: unknown) => ({ error: String(error) }),
    )
  return { direct: await read(), copied: await read(async () => undefined) }
}

describe('the PDF reader without pdf.js copying its messages', () => {
  it('reads every fixture resume, in both layouts, exactly as with pdf.js own port', async () => {
    for (const person of RESUME_PEOPLE.slice(0, 10)) {
      for (const layout of ['classic', 'banner'] as const) {
        const { direct, copied } = await readBothWays(await renderPdf(buildResume(person), { layout }))
        expect('document' in direct, `${person.id} ${layout}`).toBe(true)
        expect(direct).toEqual(copied)
      }
    }
  })

  it('finds the same hidden text, layers, injections and refusals in every hostile PDF', async () => {
    const cases = (await buildHostileCases()).filter(
      (hostile) => isPdf(hostile.bytes) && hostile.bytes.length <= DEFAULT_EXTRACT_LIMITS.maxBytes,
    )
    expect(cases.length).toBeGreaterThanOrEqual(12)
    for (const hostile of cases) {
      const { direct, copied } = await readBothWays(hostile.bytes)
      expect(direct, hostile.fileName).toEqual(copied)
    }
  })

  it('reads a long document whose operator lists arrive in many chunks', async () => {
    const { direct, copied } = await readBothWays(await slowPdf(12, 400))
    expect('document' in direct).toBe(true)
    expect(direct).toEqual(copied)
  })
})

describe('loading pdf.js', () => {
  // In a process of its own: pdf.js loads once per thread, so this one may already have it.
  it("leaves V8's own push and JSON in place and keeps what pdf.js needs from core-js", () => {
    const script = `
      const own = [Array.prototype.push, JSON.parse, JSON.stringify]
      const loaded = await import(${JSON.stringify(path.resolve('electron/core/screening/extract/pdf/pdfjs.ts'))})
      await (loaded.loadPdfJs ?? loaded.default.loadPdfJs)()
      const now = [Array.prototype.push, JSON.parse, JSON.stringify]
      console.log(JSON.stringify({
        same: now.map((builtIn, i) => builtIn === own[i]),
        hidden: !Object.getOwnPropertyDescriptor(Array.prototype, 'push').enumerable,
        withResolvers: typeof Promise.withResolvers,
      }))`
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    })
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({ same: [true, true, true], hidden: true, withResolvers: 'function' })
  })

  it("does not load Node's fetch implementation, and Response has pdf.js's bytes() once read", () => {
    const script = `
      const fetchLoaded = () => process.moduleLoadList.some((name) => name.includes('undici'))
      const before = fetchLoaded()
      const loaded = await import(${JSON.stringify(path.resolve('electron/core/screening/extract/pdf/pdfjs.ts'))})
      await (loaded.loadPdfJs ?? loaded.default.loadPdfJs)()
      const afterLoad = fetchLoaded()
      const bytes = typeof Response.prototype.bytes
      const read = await new Response('abc').bytes()
      console.log(JSON.stringify({ before, afterLoad, bytes, read: [...read], afterUse: fetchLoaded() }))`
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    })
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({
      before: false,
      afterLoad: false,
      bytes: 'function',
      read: [97, 98, 99],
      afterUse: true,
    })
  })
})
