/**
 * Voice-to-voice latency: from the end of the candidate's speech to the first sound of the
 * interviewer's reply, measured in Chromium (the real kiosk over the web host, real speech from
 * espeak-ng on a fake microphone) against the AI wire stub with these provider latencies:
 * speech-to-text final 150 ms after the end of speech, chat 300 ms to the first token at
 * 30 tokens/s, text-to-speech 150 ms to the first byte. The providers' own share is 600 ms.
 *
 * The kiosk marks the end of speech (the last microphone chunk above the voice level) and the
 * first reply audio (the moment its first buffer is scheduled to play) with User Timing marks;
 * the stub's request log says when each chat reply finished. Run after `npx electron-vite build`:
 *   npx tsx bench/voice-loop.ts [turns=32]
 */
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { startAiStub, type StubRequestLog } from '../tests/harness/ai-stub'
import { requireAudioTools, spokenAnswer } from '../tests/fixtures/audio/speech'
import { launchChromium } from '../tests/helpers/browser'
import { hostSocket } from '../tests/helpers/host-socket'
import { enterInterview } from '../tests/helpers/kiosk-page'
import { tempDir } from '../tests/helpers/temp-studio'
import { startWebHost } from '../tests/helpers/web-host'

const wantedTurns = Number(process.argv[2] ?? 32)

const PROVIDER_LATENCY = {
  sttFinalDelayMs: 150,
  firstTokenMs: 300,
  tokenIntervalMs: 33,
  firstAudioByteMs: 150,
  audioChunkIntervalMs: 40,
  responseMs: 300,
}
/** What the chat model says back: a typical acknowledgement, one sentence opening with a short clause. */
const ACKNOWLEDGEMENT = 'Thank you, that gives me a clear picture of how you approach your work and your team.'
const TRANSCRIPTS = [
  'I have led a small team that builds our checkout service.',
  'We measured first and then moved the slow queries behind a cache.',
  'I would write a test around the behaviour before changing it.',
]

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const ms = (value: number) => `${Math.round(value)} ms`

interface ReplyMark {
  /** Epoch ms of the first reply audio and of the end of the candidate's speech before it. */
  audioAt: number
  speechEndAt: number
}

/** Reply marks of one kiosk page, in epoch ms; the first (the opening question) answers nothing and is left out. */
async function replyMarks(page: Page): Promise<ReplyMark[]> {
  const marks = await page.evaluate(() =>
    performance.getEntriesByName('panelist:reply-audio').map((mark) => ({
      audioAt: performance.timeOrigin + mark.startTime,
      lastVoiceAt: ((mark as PerformanceMark).detail as { lastVoiceAt: number | null }).lastVoiceAt,
      origin: performance.timeOrigin,
    })),
  )
  return marks
    .slice(1)
    .filter((mark) => mark.lastVoiceAt !== null)
    .map((mark) => ({ audioAt: mark.audioAt, speechEndAt: mark.origin + mark.lastVoiceAt! }))
}

async function main() {
  requireAudioTools()
  const dir = tempDir('panelist-bench-voice-')
  // The candidate answers, then pauses; after 2.5 s they speak again (over the reply if it is still playing).
  const fakeMic = spokenAnswer(dir, 'candidate', 'I led the checkout team for three years', {
    sampleRate: 48_000,
    leadSec: 0.5,
    tailSec: 2.5,
  }).path
  const stub = await startAiStub({
    latency: PROVIDER_LATENCY,
    script: {
      transcripts: TRANSCRIPTS,
      chat: [
        {
          when: { json: true },
          reply: JSON.stringify({ score: 3, coveredPoints: [], note: 'A relevant answer.', followUp: null }),
        },
        { when: { json: false }, reply: ACKNOWLEDGEMENT },
      ],
    },
  })
  const host = await startWebHost(tempDir('panelist-bench-voice-data-'), {
    PANELIST_OPENAI_BASE_URL: stub.openaiBaseUrl,
    PANELIST_DEEPGRAM_BASE_URL: stub.deepgramBaseUrl,
  })
  const browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${fakeMic}`,
    '--autoplay-policy=no-user-gesture-required',
  ])
  const rpc = await hostSocket(host.url)
  await rpc.call('secrets.set', { name: 'openai.apiKey', value: 'sk-bench-openai-key' })
  await rpc.call('secrets.set', { name: 'deepgram.apiKey', value: 'dg-bench-deepgram-key' })
  const rubric = [{ name: 'Relevance', description: 'Answers with a concrete example', weight: 3 }]
  const template = await rpc.call<{ id: string }>('templates.create', {
    name: 'Benchmark',
    settings: { maxQuestions: 16, maxDurationMinutes: 180, maxFollowUps: 0 },
  })
  for (let i = 1; i <= 16; i++) {
    await rpc.call('questions.add', {
      templateId: template.id,
      question: {
        text: `Question ${i}: tell me more?`,
        type: 'open_voice',
        difficulty: i <= 3 ? 'warm_up' : i <= 11 ? 'standard' : 'advanced',
        skill: `skill ${i % 4}`,
        rubric,
      },
    })
  }
  await rpc.call('templates.publish', { id: template.id })

  const marks: ReplyMark[] = []
  try {
    for (let interview = 1; marks.length < wantedTurns; interview++) {
      const { code } = await rpc.call<{ code: string }>('invitations.create', {
        templateId: template.id,
        candidateId: `bench-${interview}`,
        candidateName: 'Bench',
      })
      const page = await browser.newPage()
      await page.goto(host.kioskUrl)
      await enterInterview(page, code)
      const needed = wantedTurns - marks.length
      const deadline = Date.now() + 20_000 * (needed + 2)
      for (;;) {
        const done = (await page.getByRole('heading', { name: /^Thank you/ }).count()) > 0
        const measured = await replyMarks(page)
        if (done || measured.length >= needed) {
          marks.push(...measured.slice(0, needed))
          process.stderr.write(`interview ${interview}: ${measured.length} replies measured\n`)
          break
        }
        if (Date.now() > deadline) throw new Error(`interview ${interview} stalled after ${measured.length} replies`)
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
      await page.close()
    }
  } finally {
    rpc.close()
    await browser.close()
    await host.stop()
    await stub.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }

  // The stub's clock is this process's performance clock; marks are epoch ms.
  const epoch = (t: number) => performance.timeOrigin + t
  const acks = stub.requests.filter(
    (r: StubRequestLog) => r.route === 'chat' && !(r.json as { response_format?: unknown }).response_format,
  )
  const speaks = stub.requests.filter((r) => r.route === 'speak' && r.firstByteAt !== undefined)
  const latencies: number[] = []
  const toChat: number[] = []
  const chatToAudio: number[] = []
  const beforeChatDone: number[] = []
  for (const mark of marks) {
    latencies.push(mark.audioAt - mark.speechEndAt)
    const ack = [...acks]
      .reverse()
      .find((r) => epoch(r.startedAt) < mark.audioAt && epoch(r.startedAt) > mark.speechEndAt)
    if (!ack) continue
    toChat.push(epoch(ack.startedAt) - mark.speechEndAt)
    chatToAudio.push(mark.audioAt - epoch(ack.startedAt))
    if (ack.endedAt !== undefined) beforeChatDone.push(epoch(ack.endedAt) - mark.audioAt)
  }
  const providersMs =
    PROVIDER_LATENCY.sttFinalDelayMs + PROVIDER_LATENCY.firstTokenMs + PROVIDER_LATENCY.firstAudioByteMs
  const p50 = percentile(latencies, 50)
  const lines = [
    `voice loop: ${latencies.length} turns in Chromium over the web host (stub: STT final ${PROVIDER_LATENCY.sttFinalDelayMs} ms, chat TTFT ${PROVIDER_LATENCY.firstTokenMs} ms at ${Math.round(1000 / PROVIDER_LATENCY.tokenIntervalMs)} tok/s, TTS first byte ${PROVIDER_LATENCY.firstAudioByteMs} ms; providers' own ${providersMs} ms)`,
    `  end of speech -> first reply audio: p50 ${ms(p50)}, p95 ${ms(percentile(latencies, 95))}, min ${ms(Math.min(...latencies))}, max ${ms(Math.max(...latencies))}`,
    `  added by the app at p50: ${ms(p50 - providersMs)} (target at most 100 ms: ${p50 <= providersMs + 100 ? 'met' : 'NOT met'})`,
    `  end of speech -> chat request sent: p50 ${ms(percentile(toChat, 50))} (includes the ${PROVIDER_LATENCY.sttFinalDelayMs} ms STT final)`,
    `  chat request -> first reply audio: p50 ${ms(percentile(chatToAudio, 50))} (includes ${PROVIDER_LATENCY.firstTokenMs} ms TTFT, the first clause, ${PROVIDER_LATENCY.firstAudioByteMs} ms TTS)`,
    `  provider figures seen by the stub: chat TTFT p50 ${ms(
      percentile(
        acks.map((r) => r.firstByteAt! - r.startedAt),
        50,
      ),
    )}, TTS first byte p50 ${ms(
      percentile(
        speaks.map((r) => r.firstByteAt! - r.startedAt),
        50,
      ),
    )}`,
    `  reply audio started before the chat reply finished: ${beforeChatDone.filter((d) => d > 0).length}/${beforeChatDone.length} turns (margin p50 ${ms(percentile(beforeChatDone, 50))})`,
  ]
  process.stdout.write(lines.join('\n') + '\n')
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
