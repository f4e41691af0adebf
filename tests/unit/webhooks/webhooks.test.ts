import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { WebhookDeliveryView, WebhookEndpointView, WebhookSecretView } from '@shared/contract/webhooks'
import { poolParser } from '@core/screening/intake/pool-parser'
import { newSigningSecret } from '@core/webhooks/secrets'
import { sendSigned } from '@core/webhooks/send'
import type { ResumeParser } from '@core/screening/intake/resume-parser'
import { loadTaxonomyFile } from '@core/screening/taxonomy'
import type { Studio } from '@core/studio'
import { buildResume, RESUME_PEOPLE, renderResume } from '../../fixtures/resumes'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'
import { eventually, startReceiver, type Receiver } from './receiver'
import { latestJob } from '../../helpers/jobs'

/*
 * Outgoing webhooks end to end: a real studio on a real SQLite file imports real resumes, and a
 * real HTTP receiver on 127.0.0.1 checks every request with the standardwebhooks verifier, as an
 * ATS would.
 */

let studio: Studio | undefined
let pick: (paths: readonly string[]) => Promise<void>
let parser: ResumeParser
const receivers: Receiver[] = []
beforeAll(async () => {
  parser = poolParser({
    taxonomy: (await loadTaxonomyFile(path.join(__dirname, '../../../resources/skills.json'))).transfer,
  })
})
afterAll(() => parser.close())
afterEach(async () => {
  await studio?.close()
  studio = undefined
  await Promise.all(receivers.splice(0).map((r) => r.close()))
})

async function call<T>(name: string, input: unknown, audience: 'recruiter' | 'kiosk' = 'recruiter'): Promise<T> {
  const result = await studio!.dispatch(name, input, { audience })
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
  return result.value as T
}

async function setup() {
  ;({ studio, pick } = await createTempStudio({ resumeParser: parser }))
}

async function receiver(options: Parameters<typeof startReceiver>[0] = {}) {
  const r = await startReceiver(options)
  receivers.push(r)
  return r
}

/** Imports one person's resume as a recruiter does; returns the new candidate's id. */
async function importResume(personIndex: number): Promise<string> {
  const dir = tempDir('panelist-webhook-resume-')
  const file = path.join(dir, `resume-${personIndex}.txt`)
  fs.writeFileSync(file, await renderResume(buildResume(RESUME_PEOPLE[personIndex]!), 'txt'))
  await pick([file])
  const batch = await call<{ id: string }>('intake.importPaths', { paths: [file] })
  const detail = await eventually(async () => {
    const d = await call<{ status: string; items: { candidateId: string | null }[] }>('intake.get', {
      batchId: batch.id,
    })
    return d.status === 'done' ? d : undefined
  })
  return detail.items[0]!.candidateId!
}

const deliveries = (endpointId: string) => call<WebhookDeliveryView[]>('webhooks.deliveries', { endpointId, limit: 50 })

describe('ATS webhooks', () => {
  it('a resume import reaches the receiver as candidate.created, signed so the standardwebhooks verifier accepts it', async () => {
    await setup()
    const ats = await receiver()
    const { endpoint, secret } = await call<WebhookSecretView>('webhooks.create', {
      url: ats.url,
      events: ['candidate.created'],
    })
    expect(secret).toMatch(/^whsec_/)

    const candidateId = await importResume(0)
    const [request] = await eventually(() => (ats.received.length ? ats.received : undefined))
    const verified = new Webhook(secret).verify(request!.body, request!.headers) as {
      type: string
      data: Record<string, unknown>
    }
    expect(verified.type).toBe('candidate.created')
    expect(verified.data).toEqual({ candidateId, name: expect.any(String), jobId: null })

    // A changed field and the receiver must refuse it.
    const tampered = request!.body.replace('"jobId":null', '"jobId":"another-job"')
    expect(tampered).not.toBe(request!.body)
    expect(() => new Webhook(secret).verify(tampered, request!.headers)).toThrow(WebhookVerificationError)
    // Signed with another endpoint's secret, it fails too.
    const other = await call<WebhookSecretView>('webhooks.create', { url: ats.url, events: ['decision.made'] })
    expect(() => new Webhook(other.secret).verify(request!.body, request!.headers)).toThrow(WebhookVerificationError)

    const [delivery] = await eventually(async () => {
      const list = await deliveries(endpoint.id)
      return list[0]?.status === 'delivered' ? list : undefined
    })
    expect(delivery!.eventId).toBe(request!.headers['webhook-id'])
    expect(delivery!.attempts).toMatchObject([{ attempt: 1, statusCode: 200, error: null, responseExcerpt: 'ok' }])

    // The secret was shown once; nothing the renderer can read afterwards holds it.
    const listed = await call<WebhookEndpointView[]>('webhooks.list', {})
    expect(JSON.stringify(listed)).not.toContain(secret)
    expect(JSON.stringify(await deliveries(endpoint.id))).not.toContain(secret)
  })

  it('a receiver that is down gets the event later, once, with the same webhook-id on every attempt', async () => {
    await setup()
    const ats = await receiver({ down: true, statuses: [503] })
    const { endpoint, secret } = await call<WebhookSecretView>('webhooks.create', {
      url: ats.url,
      events: ['candidate.created'],
    })
    await importResume(1)

    // Refused connections first, retried by the queue with growing delays.
    const refused = await eventually(async () => {
      const [d] = await deliveries(endpoint.id)
      return d && d.attempts.length >= 3 ? d : undefined
    })
    expect(refused.status).toBe('pending')
    expect(refused.attempts.every((a) => a.statusCode === null && a.error)).toBe(true)
    expect(refused.attempts.map((a) => a.attempt)).toEqual(refused.attempts.map((_, i) => i + 1))
    const gaps = refused.attempts.slice(1).map((a, i) => a.at - refused.attempts[i]!.at)
    // Equal-jitter backoff (10 ms base in tests): at least half of 10, 20, … ms between attempts.
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(Math.min(50, 10 * 2 ** i) / 2))

    // Up again: one 503 (also retried), then accepted.
    await ats.listen()
    const done = await eventually(async () => {
      const [d] = await deliveries(endpoint.id)
      return d?.status === 'delivered' ? d : undefined
    })
    await studio!.queue.idle()
    await new Promise((resolve) => setTimeout(resolve, 150))

    expect(ats.received.map((r) => r.status)).toEqual([503, 200])
    const ids = new Set(ats.received.map((r) => r.headers['webhook-id']))
    expect([...ids]).toEqual([done.eventId])
    for (const r of ats.received) expect(() => new Webhook(secret).verify(r.body, r.headers)).not.toThrow()
    const last = done.attempts.slice(-2)
    expect(last.map((a) => a.statusCode)).toEqual([503, 200])
    // Only a short excerpt of the receiver's 10 kB error page is kept.
    expect(last[0]!.responseExcerpt!.length).toBeLessThanOrEqual(256)
    expect((await deliveries(endpoint.id)).length).toBe(1)
  })

  it('a delivery still pending when the studio closes is made after it reopens, with the same id', async () => {
    let dataDir: string
    ;({ studio, pick, dataDir } = await createTempStudio({ resumeParser: parser }))
    const ats = await receiver({ down: true })
    const { endpoint, secret } = await call<WebhookSecretView>('webhooks.create', {
      url: ats.url,
      events: ['candidate.created'],
    })
    await importResume(5)
    const pending = await eventually(async () => {
      const [d] = await deliveries(endpoint.id)
      return d?.attempts.length ? d : undefined
    })
    await studio!.close()

    await ats.listen()
    ;({ studio, pick } = await createTempStudio({ resumeParser: parser, dataDir }))
    const done = await eventually(async () => {
      const [d] = await deliveries(endpoint.id)
      return d?.status === 'delivered' ? d : undefined
    })
    expect(done.id).toBe(pending.id)
    expect(ats.received).toHaveLength(1)
    expect(ats.received[0]!.headers['webhook-id']).toBe(pending.eventId)
    expect(() => new Webhook(secret).verify(ats.received[0]!.body, ats.received[0]!.headers)).not.toThrow()
  })

  it('a rotated secret signs from then on, beside the old one for the grace period', async () => {
    await setup()
    const ats = await receiver()
    const created = await call<WebhookSecretView>('webhooks.create', { url: ats.url, events: ['candidate.created'] })
    const rotated = await call<WebhookSecretView>('webhooks.rotateSecret', { id: created.endpoint.id })
    expect(rotated.secret).toMatch(/^whsec_/)
    expect(rotated.secret).not.toBe(created.secret)
    expect(rotated.endpoint.previousSecretUntil).toBeGreaterThan(Date.now())

    await importResume(2)
    const [request] = await eventually(() => (ats.received.length ? ats.received : undefined))
    expect(request!.headers['webhook-signature']!.split(' ')).toHaveLength(2)
    expect(() => new Webhook(rotated.secret).verify(request!.body, request!.headers)).not.toThrow()
    expect(() => new Webhook(created.secret).verify(request!.body, request!.headers)).not.toThrow()
    expect(JSON.stringify(await call('webhooks.list', {}))).not.toContain(rotated.secret)
  })

  it('keeps signing secrets sealed in the database: none readable in its files, old clear ones sealed at start, a lost key said in words', async () => {
    let dataDir: string
    ;({ studio, pick, dataDir } = await createTempStudio({ resumeParser: parser }))
    const ats = await receiver()
    const created = await call<WebhookSecretView>('webhooks.create', { url: ats.url, events: ['candidate.created'] })
    const rotated = await call<WebhookSecretView>('webhooks.rotateSecret', { id: created.endpoint.id })
    const databaseText = () =>
      fs
        .readdirSync(dataDir)
        .filter((name) => name.startsWith('panelist.sqlite'))
        .map((name) => fs.readFileSync(path.join(dataDir, name)).toString('latin1'))
        .join('')
    for (const secret of [created.secret, rotated.secret]) {
      expect(databaseText()).not.toContain(secret.slice('whsec_'.length, 30))
    }
    expect(databaseText()).not.toContain('whsec_')

    // An endpoint an earlier version stored in the clear is sealed when the studio opens.
    const legacy = newSigningSecret()
    await studio!.db.updateTable('webhook_endpoints').set({ secret: legacy, previous_secret: null }).execute()
    await studio!.close()
    ;({ studio, pick } = await createTempStudio({ resumeParser: parser, dataDir }))
    expect(databaseText()).not.toContain('whsec_')
    await importResume(2)
    const [request] = await eventually(() => (ats.received.length ? ats.received : undefined))
    expect(() => new Webhook(legacy).verify(request!.body, request!.headers)).not.toThrow()

    // Without the key (a data folder moved without its secret store), deliveries stop and say why.
    await studio!.close()
    fs.rmSync(path.join(dataDir, 'secrets.json'))
    ;({ studio, pick } = await createTempStudio({ resumeParser: parser, dataDir }))
    await importResume(3)
    await eventually(async () => (await deliveries(created.endpoint.id)).find((d) => d.status === 'failed'))
    const job = await latestJob(studio!, 'webhook.deliver', 'failed')
    expect(job.last_error).toMatch(/cannot read the endpoint's signing secret.*rotate the secret/)
    expect(ats.received).toHaveLength(1)
  })

  it('keeps nothing of an event that no endpoint receives', async () => {
    await setup()
    const ats = await receiver()
    await call('webhooks.create', { url: ats.url, events: ['decision.made'] })
    await importResume(4)
    const left = () => studio!.db.selectFrom('webhook_events').select('id').execute()
    await eventually(async () => ((await left()).length === 0 ? true : undefined))
    await studio!.queue.idle()
    expect(await studio!.db.selectFrom('webhook_deliveries').select('id').execute()).toEqual([])
    expect(ats.received).toEqual([])
  })

  it('refuses plain http to anything but this machine, and URLs carrying credentials', async () => {
    await setup()
    const create = (url: string) => call('webhooks.create', { url, events: ['decision.made'] })
    for (const url of [
      'http://ats.example.com/hooks',
      'http://10.0.0.5/hooks',
      'ftp://ats.example.com/hooks',
      'https://user:pass@ats.example.com/hooks',
      'not a url',
    ]) {
      await expect(create(url), url).rejects.toMatchObject({ code: 'invalid_input' })
    }
    for (const url of ['https://ats.example.com/hooks', 'http://127.0.0.1:9/hooks', 'http://localhost:9/hooks']) {
      await expect(create(url), url).resolves.toMatchObject({ endpoint: { url } })
    }
  })

  it('refuses every webhook request from the kiosk', async () => {
    await setup()
    const { endpoint } = await call<WebhookSecretView>('webhooks.create', {
      url: 'https://ats.example.com/hooks',
      events: ['decision.made'],
    })
    const inputs: Record<string, unknown> = {
      'webhooks.list': {},
      'webhooks.create': { url: 'https://ats.example.com/other', events: ['decision.made'] },
      'webhooks.delete': { id: endpoint.id },
      'webhooks.rotateSecret': { id: endpoint.id },
      'webhooks.deliveries': {},
      'webhooks.retry': { id: endpoint.id },
    }
    for (const [name, input] of Object.entries(inputs)) {
      await expect(call(name, input, 'kiosk'), name).rejects.toMatchObject({ code: 'forbidden' })
    }
    expect(await call<WebhookEndpointView[]>('webhooks.list', {})).toHaveLength(1)
  })

  it('does not follow a redirect, and "retry now" sends a delivery the queue gave up on again, with the same id', async () => {
    await setup()
    const ats = await receiver()
    ats.answerWith(302)
    const { endpoint, secret } = await call<WebhookSecretView>('webhooks.create', {
      url: ats.url,
      events: ['candidate.created'],
    })
    await importResume(3)
    const redirected = await eventually(async () => {
      const [d] = await deliveries(endpoint.id)
      return d?.attempts.length ? d : undefined
    })
    expect(redirected.attempts[0]).toMatchObject({
      statusCode: 302,
      error: expect.stringMatching(/redirects are not followed/),
    })
    await expect(call('webhooks.retry', { id: redirected.id })).rejects.toMatchObject({ code: 'conflict' })

    // The recruiter stops it from the queue panel: the delivery shows as failed.
    const { job_id } = await studio!.db
      .selectFrom('webhook_deliveries')
      .select('job_id')
      .where('id', '=', redirected.id)
      .executeTakeFirstOrThrow()
    // Cancelled from the queue panel; the delivery shows as failed once the cancel is recorded.
    await eventually(async () => {
      await call('queue.cancel', { id: job_id }).catch(() => {})
      await studio!.queue.idle()
      return (await deliveries(endpoint.id))[0]!.status === 'failed' ? true : undefined
    })

    ats.answerWith(200)
    const before = ats.received.length
    await call('webhooks.retry', { id: redirected.id })
    await eventually(async () => ((await deliveries(endpoint.id))[0]!.status === 'delivered' ? true : undefined))
    // An attempt cancelled while its request was on the wire may still arrive: like every attempt it
    // carries the event's one webhook-id, which is what the receiver dedupes on.
    expect(ats.received.length).toBeGreaterThan(before)
    expect(ats.received.at(-1)!.status).toBe(200)
    expect(new Set(ats.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([redirected.eventId]))
    expect(() => new Webhook(secret).verify(ats.received.at(-1)!.body, ats.received.at(-1)!.headers)).not.toThrow()
  })

  it('counts a receiver that does not answer within the timeout as a failed attempt', async () => {
    const silent = http.createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as AddressInfo
    const outcome = await sendSigned(
      {
        url: `http://127.0.0.1:${port}/hooks`,
        messageId: 'msg_timeout',
        body: '{}',
        secrets: [newSigningSecret()],
        sentAt: new Date(),
      },
      { timeoutMs: 200 },
    )
    silent.closeAllConnections()
    await new Promise((resolve) => silent.close(resolve))
    expect(outcome).toMatchObject({ ok: false, statusCode: null, error: 'No answer within 200 ms' })
    expect(outcome.durationMs).toBeGreaterThanOrEqual(190)
    expect(outcome.durationMs).toBeLessThan(5000)
  })
})
