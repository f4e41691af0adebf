/**
 * Runs the AI wire stub on its own and prints its URLs as one JSON line, for the web host's keyless
 * demo or for poking at it with curl. Stops on SIGINT/SIGTERM.
 *
 *   npx tsx tests/harness/ai-stub/cli.ts [--port 8787] [--fast]
 *
 * --fast drops the demo latencies to zero. Use the printed URLs with the web host:
 *   PANELIST_OPENAI_BASE_URL=<openaiBaseUrl> PANELIST_DEEPGRAM_BASE_URL=<deepgramBaseUrl> npm run start:web
 */
import { DEMO_LATENCY, startAiStub } from './index'

async function main() {
  const args = process.argv.slice(2)
  const portAt = args.indexOf('--port')
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port takes a number from 0 to 65535')
  const stub = await startAiStub({ port, latency: args.includes('--fast') ? {} : DEMO_LATENCY })
  process.stdout.write(
    JSON.stringify({
      ready: true,
      url: stub.url,
      openaiBaseUrl: stub.openaiBaseUrl,
      deepgramBaseUrl: stub.deepgramBaseUrl,
    }) + '\n',
  )
  const stop = async () => {
    await stub.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`AI stub failed to start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
