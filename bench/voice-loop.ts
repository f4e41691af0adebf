/**
 * Voice-to-voice latency in Chromium (the real kiosk over the web host, real speech from espeak-ng
 * on a fake microphone) against the AI wire stub with these provider latencies: speech-to-text
 * final 150 ms after the end of speech, chat 300 ms to the first token at 30 tokens/s,
 * text-to-speech 150 ms to the first byte. An answer ends after the template's 2.5 s pause (the
 * end-of-answer check is left without a model here), so the figure that measures the app is the
 * one after that decision: from the kiosk learning the answer ended to the first sound of the reply,
 * minus the providers' part of it (the chat model's first token, the token that completes the first
 * sentence, the first speech byte), all read from the stub's request log.
 *
 * The kiosk marks the end of speech (the last microphone chunk above the voice level), the end of
 * the answer (the studio's "thinking") and the first reply audio (the moment its first buffer is
 * scheduled to play) with User Timing marks. Run after `npx electron-vite build`:
 *   npx tsx bench/voice-loop.ts [turns=32]
 */
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { startAiStub, type StubRequestLog } from '../tests/harness/ai-stub'
import { requireAudioTools, spokenAnswer } from '../tests/fixtures/audio/speech'
import { launchKioskChromium } from '../tests/helpers/browser'
import { hostSocket } from '../tests/helpers/host-socket'
import { enterInterview } from '../tests/helpers/kiosk-page'
import { tempDir } from '../tests/helpers/temp-studio'
import { startWebHost } from '../tests/helpers/web-host'
import { percentile, ms, VOICE_PROVIDER_LATENCY } from './stats'

const wantedTurns = Number(process.argv[2] ?? 32)

const PROVIDER_LATENCY = VOICE_PROVIDER_LATENCY
/** What the chat model says back: a short first sentence (spoken as soon as it is complete), then more. */
const ACKNOWLEDGEMENT = 'Thanks. That gives me a clear picture of how you approach your work and your team.'
const TRANSCRIPTS = [
  'I have led a small team that builds our checkout service.',
  'We measured first and then moved the slow queries behind a cache.',
  'I would write a test around the behaviour before changing it.',
]

interface ReplyMark {
  /** Epoch ms of the first reply audio, of the end of the answer and of the end of the candidate's speech before it. */
  audioAt: number
  endedAt: number
  speechEndAt: number
}

/** Reply marks of one kiosk page, in epoch ms; the first (the opening question) answers nothing and is left out. */
async function replyMarks(page: Page): Promise<ReplyMark[]> {
  const marks = await page.evaluate(() => {
    const ended = performance.getEntriesByName('panelist:answer-ended').map((mark) => mark.startTime)
    return performance.getEntriesByName('panelist:reply-audio').map((mark) => ({
      audioAt: performance.timeOrigin + mark.startTime,
      endedAt: performance.timeOrigin + Math.max(-1, ...ended.filter((t) => t <= mark.startTime)),
      lastVoiceAt: ((mark as PerformanceMark).detail as { lastVoiceAt: number | null }).lastVoiceAt,
      origin: performance.timeOrigin,
    }))
  })
  return marks
    .slice(1)
    .filter((mark) => mark.lastVoiceAt !== null && mark.endedAt > mark.origin)
    .map((mark) => ({ audioAt: mark.audioAt, endedAt: mark.endedAt, speechEndAt: mark.origin + mark.lastVoiceAt! }))
}

async function main() {
  requireAudioTools()
  const dir = tempDir('panelist-bench-voice-')
  // The candidate answers, then pauses for 6 s: past the 2.5 s that ends the answer and the 3 s grace
  // window after it, so the next loop answers the next question (over the reply if it is still playing).
  const fakeMic = spokenAnswer(dir, 'candidate', 'I led the checkout team for three years', {
    sampleRate: 48_000,
    leadSec: 0.5,
    tailSec: 6,
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
  const browser = await launchKioskChromium(fakeMic)
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
  const toDecision: number[] = []
  const afterDecision: number[] = []
  const appShare: number[] = []
  for (const mark of marks) {
    toDecision.push(mark.endedAt - mark.speechEndAt)
    afterDecision.push(mark.audioAt - mark.endedAt)
    const ack = acks.find((r) => epoch(r.startedAt) > mark.endedAt && epoch(r.startedAt) < mark.audioAt)
    const speak = speaks.find((r) => epoch(r.startedAt) > mark.endedAt && epoch(r.startedAt) < mark.audioAt)
    if (!ack || !speak) continue
    // The providers' part: the first token, the token that completes "Thanks.", the first speech byte.
    const providers =
      ack.firstByteAt! - ack.startedAt + PROVIDER_LATENCY.tokenIntervalMs + speak.firstByteAt! - speak.startedAt
    appShare.push(mark.audioAt - mark.endedAt - providers)
  }
  const p = (values: number[]) => `p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}`
  const lines = [
    `voice loop: ${marks.length} turns in Chromium over the web host (stub: STT final ${PROVIDER_LATENCY.sttFinalDelayMs} ms, chat TTFT ${PROVIDER_LATENCY.firstTokenMs} ms at ${Math.round(1000 / PROVIDER_LATENCY.tokenIntervalMs)} tok/s, TTS first byte ${PROVIDER_LATENCY.firstAudioByteMs} ms)`,
    `  end of speech -> answer ended (the 2.5 s pause): ${p(toDecision)}`,
    `  answer ended -> first reply audio: ${p(afterDecision)}`,
    `  the app's own share of that (${appShare.length} turns with an acknowledgement): ${p(appShare)} (target p50 <= 50 ms, p95 <= 80 ms: ${percentile(appShare, 50) <= 50 && percentile(appShare, 95) <= 80 ? 'met' : 'NOT met'})`,
  ]
  process.stdout.write(lines.join('\n') + '\n')
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
