/**
 * The AI layer's own overhead: from the moment the wire stub writes the first byte of an answer to
 * the moment the first token, audio chunk or transcript event is handed to the caller, through the
 * real SDKs and everything of ours in between (runner, breaker, deadline, accounting). The stub runs
 * in this process, so both ends read the same clock. Target: at most 5 ms at p50. Prints figures.
 *
 * Run: npx tsx bench/providers.ts [calls=300]
 */
import { performance } from 'node:perf_hooks'
import OpenAI from 'openai'
import { syntheticSpeech } from '../tests/harness/ai-stub/audio'
import { OPENAI_KEY, startAiHarness } from '../tests/unit/ai/harness'
import { percentile } from './stats'

const calls = Number(process.argv[2] ?? 300)
const WARMUP = 20

async function measure(
  name: string,
  once: () => Promise<number>,
): Promise<{ name: string; p50: number; p95: number; max: number }> {
  for (let i = 0; i < WARMUP; i++) await once()
  const samples: number[] = []
  for (let i = 0; i < calls; i++) samples.push(await once())
  return { name, p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) }
}

async function main() {
  const h = await startAiHarness({ ai: { timeoutsMs: { chat: 10_000, stt: 10_000, tts: 10_000, embeddings: 10_000 } } })
  h.stub.setScript({ chat: [{ reply: 'Could you tell me more about the hardest part of that project?' }] })
  const lastFirstByte = () => h.stub.requests.at(-1)!.firstByteAt!
  const ask = { messages: [{ role: 'user' as const, content: 'I led the migration to a new queue.' }] }
  const rows = []

  rows.push(
    await measure('chat.stream (OpenAI): first SSE byte → first token', async () => {
      let firstAt = 0
      for await (const part of h.ai.capabilities.chat().stream(ask)) if (part && !firstAt) firstAt = performance.now()
      return firstAt - lastFirstByte()
    }),
  )

  const raw = new OpenAI({ apiKey: OPENAI_KEY, baseURL: h.stub.openaiBaseUrl, maxRetries: 0 })
  rows.push(
    await measure('  baseline: the openai SDK alone, same stream', async () => {
      let firstAt = 0
      const stream = await raw.chat.completions.create({ model: 'gpt-4o-mini', messages: ask.messages, stream: true })
      for await (const chunk of stream) if (chunk.choices[0]?.delta?.content && !firstAt) firstAt = performance.now()
      return firstAt - lastFirstByte()
    }),
  )

  const speakOnce = async () => {
    let firstAt = 0
    for await (const chunk of h.ai.capabilities
      .tts()
      .stream({ text: 'Thank you. Here is the next question.', format: 'pcm' })) {
      if (chunk.byteLength && !firstAt) firstAt = performance.now()
    }
    return firstAt - lastFirstByte()
  }
  rows.push(await measure('tts.stream (Deepgram speak): first audio byte → first chunk', speakOnce))
  await h.ai.updateSettings({ tts: { provider: 'openai', model: 'tts-1' } })
  rows.push(await measure('tts.stream (OpenAI speech): first audio byte → first chunk', speakOnce))

  const speech = syntheticSpeech('my answer', 16_000).subarray(0, 16_000)
  rows.push(
    await measure('stt.live (Deepgram): first Results message → first event', async () => {
      const session = await h.ai.capabilities.stt().live({ encoding: 'linear16', sampleRate: 16_000 })
      const entry = h.stub.requests.at(-1)!
      let firstAt = 0
      const reading = (async () => {
        for await (const _event of session.events) if (!firstAt) firstAt = performance.now()
      })()
      for (let at = 0; at < speech.byteLength; at += 640) session.send(speech.subarray(at, at + 640))
      await session.finish()
      await reading
      return firstAt - entry.firstByteAt!
    }),
  )
  await h.close()

  const width = Math.max(...rows.map((r) => r.name.length))
  process.stdout.write(
    `AI adapter overhead over ${calls} calls each (after ${WARMUP} warm-up), stub in-process on 127.0.0.1\n`,
  )
  process.stdout.write(`${'path'.padEnd(width)}   p50 ms   p95 ms   max ms\n`)
  for (const r of rows) {
    process.stdout.write(
      `${r.name.padEnd(width)}   ${r.p50.toFixed(2).padStart(6)}   ${r.p95.toFixed(2).padStart(6)}   ${r.max.toFixed(2).padStart(6)}\n`,
    )
  }
  const worst = Math.max(...rows.filter((r) => !r.name.startsWith(' ')).map((r) => r.p50))
  process.stdout.write(`target p50 ≤ 5 ms: ${worst <= 5 ? 'met' : 'NOT met'} (worst p50 ${worst.toFixed(2)} ms)\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
