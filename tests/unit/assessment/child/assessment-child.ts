/**
 * A studio in its own process, for the crash test. argv: dataDir, the stub's OpenAI base URL.
 * It opens the data folder with workers running (so the queued assessment job starts), says
 * STARTED, and runs until it is killed.
 */
import { createTempStudio } from '../../../helpers/temp-studio'

const [dataDir, openaiBaseUrl] = process.argv.slice(2) as [string, string]

async function main() {
  await createTempStudio({
    dataDir,
    ai: { openaiBaseUrl, deepgramBaseUrl: openaiBaseUrl, retry: { maxAttempts: 1 } },
    queueOptions: { pollMs: 20, backoff: { baseMs: 60_000, capMs: 60_000 } },
  })
  process.stdout.write('STARTED\n')
  await new Promise(() => {})
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
