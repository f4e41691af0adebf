/**
 * Start-up figures: time to create the core on a fresh database, on one with 100k rows, and on that
 * one after an unclean shutdown. Prints figures; no thresholds. (Request round-trips through the
 * core process: bench/core-process.ts.) Run: npx tsx bench/startup.ts [rows=100000]
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { DATABASE_FILE } from '@core/studio'
import { createTempStudio } from '../tests/helpers/temp-studio'

const rows = Number(process.argv[2] ?? 100_000)

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
}

void main()
