import { afterEach, describe, expect, it, vi } from 'vitest'

type Base64 = typeof import('@shared/base64')

// The page has no Buffer: load the module once with it and once without, and hold both to Node's own codec.
async function load(withBuffer: boolean): Promise<Base64> {
  vi.resetModules()
  if (!withBuffer) vi.stubGlobal('Buffer', undefined)
  const module = await import('@shared/base64')
  vi.unstubAllGlobals()
  return module
}

const samples = [
  new Uint8Array(0),
  Uint8Array.of(0),
  Uint8Array.of(255, 254),
  Uint8Array.from({ length: 200_001 }, (_, i) => (i * 131) % 256),
]

describe.each([
  ['Node', true],
  ['page', false],
])('base64 (%s)', (_name, withBuffer) => {
  afterEach(() => vi.unstubAllGlobals())

  it('encodes as Node does and decodes back, past the chunk size', async () => {
    const { bytesToBase64, base64ToBytes } = await load(withBuffer)
    for (const bytes of samples) {
      const text = bytesToBase64(bytes)
      expect(text).toBe(Buffer.from(bytes).toString('base64'))
      expect(Array.from(base64ToBytes(text))).toEqual(Array.from(bytes))
    }
  })

  it('encodes only the view it is given, not the whole buffer behind it', async () => {
    const { bytesToBase64 } = await load(withBuffer)
    const whole = Uint8Array.of(1, 2, 3, 4, 5, 6)
    expect(bytesToBase64(whole.subarray(2, 4))).toBe(Buffer.from([3, 4]).toString('base64'))
  })
})
