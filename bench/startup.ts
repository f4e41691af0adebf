/**
 * Start-up and IPC figures: time to create the core on a fresh database and on one with 100k rows,
 * and the request round-trip over the web host's socket. Prints figures; no thresholds.
 * Run: npx tsx bench/startup.ts [rows=100000] [roundTrips=2000]
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import { startWebServer } from '@web-host/web-server'
import { silentLogger } from '@core/logger'
import { DATABASE_FILE } from '@core/studio'
import { createTempStudio } from '../tests/helpers/temp-studio'
import { percentile } from './stats'

const rows = Number(process.argv[2] ?? 100_000)
const roundTrips = Number(process.argv[3] ?? 2000)

async function timeCreate(dataDir?: string) {
  const started = performance.now()
  const made = await createTempStudio({ dataDir, startWorkers: true })
  const ms = performance.now() - started
  return { ...made, ms }
}

async function main() {
  const fresh = await timeCreate()
  await fresh.studio.close()
  const warm = await timeCreate(fresh.dataDir)

  // Fill the synced table and the queue with realistic rows, through the same writer the app uses.
  const fillStart = performance.now()
  const batch = 5000
  for (let done = 0; done < rows; done += batch) {
    await warm.studio.db.transaction().execute(async (trx) => {
      for (let i = done; i < Math.min(rows, done + batch); i++) {
        await warm.studio.writer.insert(trx, 'demo_counters', { name: `counter-${i}`, value: i })
      }
    })
  }
  const fillMs = performance.now() - fillStart
  await warm.studio.close()
  const big = await timeCreate(warm.dataDir)

  const rendererDir = path.resolve(__dirname, '../out/renderer')
  const server = await startWebServer({ studio: big.studio, rendererDir, logger: silentLogger })
  const origin = server.url.replace(/\/$/, '')
  const token = await tokenFrom(server.url)
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${token}`, { origin })
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  const times: number[] = []
  let id = 0
  for (let i = 0; i < roundTrips; i++) {
    const started = performance.now()
    const myId = ++id
    await new Promise<void>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString())
        if (message.type === 'result' && message.id === myId) {
          ws.off('message', onMessage)
          resolve()
        }
      }
      ws.on('message', onMessage)
      ws.send(JSON.stringify({ type: 'invoke', id: myId, name: 'settings.get', input: {} }))
    })
    times.push(performance.now() - started)
  }
  ws.close()
  await server.close()
  await big.studio.close()
  // As after a crash: the in-use marker is left behind, so the whole file is checked at the next open.
  fs.writeFileSync(path.join(big.dataDir, `${DATABASE_FILE}.in-use`), '0')
  const afterCrash = await timeCreate(big.dataDir)
  await afterCrash.studio.close()

  console.log(`create core, fresh database:      ${fresh.ms.toFixed(1)} ms`)
  console.log(`create core, reopen (empty):      ${warm.ms.toFixed(1)} ms`)
  console.log(
    `create core, ${rows.toLocaleString()} synced rows: ${big.ms.toFixed(1)} ms  (ratio to fresh ${(big.ms / fresh.ms).toFixed(2)}x, to the empty reopen ${(big.ms / warm.ms).toFixed(2)}x)`,
  )
  console.log(
    `the same after an unclean shutdown (whole file checked): ${afterCrash.ms.toFixed(1)} ms  (${(afterCrash.ms / big.ms).toFixed(2)}x the clean reopen)`,
  )
  console.log(`fill ${rows.toLocaleString()} rows + change log:   ${fillMs.toFixed(0)} ms`)
  console.log(
    `IPC round-trip over web host (${roundTrips}): p50 ${percentile(times, 50).toFixed(3)} ms, p95 ${percentile(times, 95).toFixed(3)} ms`,
  )
}

async function tokenFrom(url: string): Promise<string> {
  const body = await (await fetch(url)).text()
  const match = /name="panelist-token" content="([0-9a-f]+)"/.exec(body)
  if (!match) throw new Error('The renderer is not built, so the page carries no token: run `npm run build` first.')
  return match[1]!
}

void main()
