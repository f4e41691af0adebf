import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostSocket } from '../../helpers/host-socket'
import { tempDir } from '../../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../../helpers/web-host'

let host: RunningHost
beforeAll(async () => {
  host = await startWebHost(tempDir('panelist-app-info-'))
})
afterAll(() => host?.stop())

describe('app.info over the web host', () => {
  it('tells the recruiter where the data lives and the kiosk nothing', async () => {
    const recruiter = await hostSocket(host.url)
    expect(await recruiter.request('app.info', {})).toMatchObject({ ok: true, value: { dataDir: host.dataDir } })
    recruiter.close()

    const kiosk = await hostSocket(host.kioskUrl)
    const reply = await kiosk.request('app.info', {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(JSON.stringify(reply)).not.toContain(host.dataDir)
    kiosk.close()
  })
})
