import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { StubRequestLog } from '../../harness/ai-stub/types'
import { sweepForSecrets } from '../../helpers/secret-sweep'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'
import type { Studio } from '@core/studio'

const CANARY = 'sk-canary-5d1e0b7c'
const request = (headers: Record<string, string>, json?: unknown): StubRequestLog =>
  ({
    route: 'chat',
    method: 'POST',
    path: '/v1/chat/completions',
    query: {},
    headers,
    json,
    bytes: 0,
    startedAt: 0,
  }) as StubRequestLog

let studio: Studio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

describe('the secret sweep (§7 E11)', () => {
  it('finds a key written in a file as text, UTF-16 or base64, in a text, or in a request body', () => {
    const dataDir = tempDir('panelist-sweep-')
    fs.mkdirSync(path.join(dataDir, 'logs'))
    fs.writeFileSync(path.join(dataDir, 'logs', 'a.log'), `key=${CANARY}`)
    fs.writeFileSync(path.join(dataDir, 'storage.ldb'), Buffer.from(CANARY, 'utf16le'))
    fs.writeFileSync(path.join(dataDir, 'b.json'), Buffer.from(CANARY).toString('base64'))
    const hits = sweepForSecrets([CANARY], {
      dataDir,
      texts: { output: `oops ${CANARY}` },
      requests: [request({ authorization: `Bearer ${CANARY}` }), request({}, { messages: [CANARY] })],
    })
    expect(hits).toEqual([
      'b.json (base64)',
      'logs/a.log (text)',
      'storage.ldb (utf-16)',
      'output (text)',
      'POST /v1/chat/completions (text)',
    ])
  })

  it('finds no key a recruiter saved anywhere in the data folder, and the page learns only that it is set', async () => {
    ;({ studio } = await createTempStudio({ startWorkers: false }))
    const { dataDir } = studio.info()
    const set = await studio.dispatch(
      'secrets.set',
      { name: 'openai.apiKey', value: CANARY },
      { audience: 'recruiter' },
    )
    expect(set.ok).toBe(true)
    const status = await studio.dispatch('secrets.status', {}, { audience: 'recruiter' })
    expect(status).toEqual({ ok: true, value: { 'openai.apiKey': true, 'deepgram.apiKey': false } })
    expect(fs.existsSync(path.join(dataDir, 'secrets.json'))).toBe(true)
    await studio.close()
    studio = undefined
    expect(
      sweepForSecrets([CANARY], { dataDir, texts: { 'secrets.status': JSON.stringify(status) }, requests: [] }),
    ).toEqual([])
  })
})
