import { afterEach, describe, expect, it } from 'vitest'
import {
  importFilesInputSchema,
  MAX_FILES_PER_UPLOAD,
  MAX_UPLOAD_REQUEST_BYTES,
} from '@shared/contract/screening/intake'
import type { WebServer } from '@web-host/web-server'
import { hostSocket, nextHeard } from '../../helpers/host-socket'
import { startStandInServer } from './in-process'

let server: WebServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/**
 * The biggest `intake.importFiles` the contract accepts, written as the page would send it: the
 * whole request's worth of base64 in four files, and every other file with the longest name JSON
 * can make of it (255 control characters, six bytes each once escaped).
 */
function largestUpload(extraBase64 = 0) {
  const total = Math.ceil((MAX_UPLOAD_REQUEST_BYTES * 4) / 3)
  const big = Array.from({ length: 4 }, (_, i) => ({
    name: `resume-${i}.pdf`,
    size: (total / 4) * 0.75,
    lastModified: Number.MAX_SAFE_INTEGER,
    base64: 'A'.repeat(total / 4 + (i === 0 ? extraBase64 : 0)),
  }))
  const named = Array.from({ length: MAX_FILES_PER_UPLOAD - 4 }, () => ({
    name: '\u0001'.repeat(255),
    size: Number.MAX_SAFE_INTEGER,
    lastModified: Number.MAX_SAFE_INTEGER,
  }))
  return { jobId: 'j'.repeat(64), files: [...big, ...named] }
}

describe('the recruiter socket’s message limit', () => {
  it('passes the largest upload the contract allows, and closes a socket that sends more', async () => {
    const standIn = await startStandInServer()
    server = standIn.server
    const upload = largestUpload()
    expect(importFilesInputSchema.safeParse(upload).success).toBe(true)

    const recruiter = await hostSocket(server.url)
    expect(await recruiter.request('intake.importFiles', upload)).toEqual({ ok: true, value: {} })
    expect(standIn.dispatched).toEqual(['intake.importFiles'])

    const heard = nextHeard(recruiter.ws)
    recruiter.ws.send(
      JSON.stringify({ type: 'invoke', id: 2, name: 'intake.importFiles', input: largestUpload(1 << 20) }),
    )
    expect(await heard).toEqual({ closed: 1009 })
    expect(standIn.dispatched).toEqual(['intake.importFiles'])
  })
})
