/**
 * Turn-taking: do long spoken answers with thinking pauses stay whole, and how soon does the
 * interviewer answer once they end? Real speech (espeak-ng) goes through the real voice pipeline
 * (voice session, speech-to-text, end-of-answer check, engine, text-to-speech) at the pace of a real
 * microphone, against the AI wire stub, on both speech-to-text paths (Deepgram live; OpenAI
 * transcription of our own speech segments).
 *
 * Each answer is two to four sentences with pauses of 0.4-2 s between them; some have a 2.2 s
 * thinking pause in the middle of a sentence, some end without a full stop, some end with "that is
 * my answer". The end-of-answer check runs twice: as a model that never agrees (only the long
 * pause ends an answer) and as one that always agrees (the worst case for cutting people off: only
 * the open-clause veto and the grace window protect them).
 *
 *   npx tsx bench/turn-taking.ts [answers per run=8] [seed=1]
 *
 * Prints per run: answers cut off (stored text missing any of what was said, or part of it filed
 * under another question), answers ended early and continued within the grace window, the delay
 * from the true end of speech to the end decision by kind, and from the decision to the first
 * reply audio with the app's own share (that delay minus the stub's configured provider latency).
 */
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import type { QuestionInput, SessionDetail, SessionSummary } from '@shared/contract/interviews'
import { DEFAULT_SILENCE_END_MS } from '@core/voice/answer-endpoint'
import { TTS_SAMPLE_RATE } from '@core/voice/utterance-speaker'
import type { ChatRule } from '../tests/harness/ai-stub'
import { concatPcm, requireAudioTools, silence, spokenAnswer } from '../tests/fixtures/audio/speech'
import { tempDir } from '../tests/helpers/temp-studio'
import { KIOSK_RATE, KioskSim, REAL_TIME_MS, voiceWorld } from '../tests/unit/voice/world'
import { percentile, ms, VOICE_PROVIDER_LATENCY } from './stats'

const perRun = Number(process.argv[2] ?? 8)
const seed = Number(process.argv[3] ?? 1)

const LATENCY = VOICE_PROVIDER_LATENCY
const ACK = 'Thanks. That gives me a clear picture of your work.'

/** Sentences without commas: a comma's pause would be a segment boundary of its own. */
const SENTENCES = [
  'I led the checkout team for three years',
  'We moved the slowest queries behind a cache',
  'The latency dropped by half within a month',
  'I always measure before I change anything',
  'Our biggest problem was a query without an index',
  'I wrote tests around the old behaviour first',
  'The team agreed to ship smaller changes more often',
  'We kept a log of every incident and what we learned',
  'I paired with the new engineers during their first weeks',
  'Customers noticed the faster pages right away',
  'I explained the trade off to the product manager',
  'We rolled the change out to one region at a time',
]
const MID_PAUSE = { head: 'And then we', tail: 'moved the reports to a nightly job' }
const CLOSING = 'That is my answer'

/** A small seeded generator, so a run can be repeated and other seeds tried. */
function random(seedValue: number) {
  let state = seedValue >>> 0 || 1
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

interface Part {
  text: string
  /** What speech-to-text reports for this part. */
  heard: string
  pauseAfterSec: number
}

interface Answer {
  parts: Part[]
  explicit: boolean
}

function makeAnswers(count: number, next: () => number): Answer[] {
  return Array.from({ length: count }, (_, i) => {
    const sentences = 2 + Math.floor(next() * 3)
    const parts: Part[] = []
    for (let s = 0; s < sentences; s++) {
      const text = SENTENCES[(i * 3 + s) % SENTENCES.length]!
      parts.push({ text, heard: `${text}.`, pauseAfterSec: 0.4 + next() * 1.6 })
    }
    if (next() < 0.5) {
      parts.splice(1, 0, { text: MID_PAUSE.head, heard: MID_PAUSE.head, pauseAfterSec: 2.2 })
      parts.splice(2, 0, { text: MID_PAUSE.tail, heard: `${MID_PAUSE.tail}.`, pauseAfterSec: 0.4 + next() * 1.6 })
    }
    const explicit = next() < 0.25
    if (explicit) parts.push({ text: CLOSING, heard: `${CLOSING}.`, pauseAfterSec: 0 })
    // Some answers trail off without a full stop.
    const last = parts.at(-1)!
    if (!explicit && next() < 0.3) last.heard = last.heard.replace(/\.$/u, '')
    last.pauseAfterSec = 0
    return { parts, explicit }
  })
}

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z ]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()

/** Which 20 ms frames of the PCM are voiced. */
function voicedFrames(pcm: Uint8Array): boolean[] {
  const view = new DataView(pcm.buffer, pcm.byteOffset, pcm.byteLength)
  const frame = (KIOSK_RATE / 1000) * 20
  return Array.from({ length: Math.floor(pcm.byteLength / 2 / frame) }, (_, f) => {
    let sum = 0
    for (let i = 0; i < frame; i++) sum += view.getInt16((f * frame + i) * 2, true) ** 2
    return Math.sqrt(sum / frame) > 500
  })
}

/** The quiet before the first and after the last voiced 20 ms of the PCM. */
function quietEdges(pcm: Uint8Array): { leadMs: number; tailMs: number } {
  const voiced = voicedFrames(pcm)
  return { leadMs: Math.max(0, voiced.indexOf(true)) * 20, tailMs: (voiced.length - 1 - voiced.lastIndexOf(true)) * 20 }
}

/** The silences of 300 ms or more between voiced stretches, as the microphone carries them (espeak adds its own edges). */
function innerPausesMs(pcm: Uint8Array): number[] {
  const voiced = voicedFrames(pcm)
  const pauses: number[] = []
  let quiet = 0
  let spoken = false
  for (const v of voiced) {
    if (!v) {
      quiet += 1
      continue
    }
    if (spoken && quiet >= 15) pauses.push(quiet * 20)
    spoken = true
    quiet = 0
  }
  return pauses
}

interface RunResult {
  label: string
  answers: number
  cutOff: number
  continued: number
  pauses: number[]
  decision: Record<'explicit' | 'agreed' | 'silence', number[]>
  reply: number[]
  /** The providers' part of each reply: the acknowledgement's first sentence (when there is one), the first speech byte. */
  providers: number[]
  beforeChat: number[]
}

async function run(dir: string, path: 'deepgram' | 'openai', judge: 'never' | 'always', answers: Answer[]) {
  const clips = answers.map((answer, a) =>
    answer.parts.map((part, p) =>
      spokenAnswer(dir, `a${a}-p${p}`, part.text, { sampleRate: KIOSK_RATE, leadSec: 0.05, tailSec: 0.05 }),
    ),
  )
  const chat: ChatRule[] = [
    { when: { systemIncludes: 'has just paused' }, reply: JSON.stringify({ complete: judge === 'always' }) },
    {
      when: { json: true },
      reply: JSON.stringify({ score: 3, coveredPoints: [], note: 'A relevant answer.', followUp: null }),
    },
    { when: { json: false }, reply: ACK },
  ]
  const world = await voiceWorld({
    keys: false,
    stub: { latency: LATENCY, script: { chat, transcripts: answers.flatMap((a) => a.parts.map((p) => p.heard)) } },
  })
  const result: RunResult = {
    label: `${path} speech-to-text, check that ${judge === 'always' ? 'always agrees' : 'never agrees'}`,
    answers: answers.length,
    cutOff: 0,
    continued: 0,
    pauses: [],
    decision: { explicit: [], agreed: [], silence: [] },
    reply: [],
    providers: [],
    beforeChat: [],
  }
  try {
    await world.call('secrets.set', { name: 'openai.apiKey', value: 'sk-bench-turn-taking' })
    if (path === 'deepgram') await world.call('secrets.set', { name: 'deepgram.apiKey', value: 'dg-bench-turn-taking' })
    else
      await world.call('ai.updateSettings', {
        stt: { provider: 'openai', model: 'whisper-1' },
        tts: { provider: 'openai', model: 'tts-1', voice: 'nova' },
      })
    const questions: QuestionInput[] = answers.map((_, i) => ({
      text: `Question ${i + 1}: tell me about your work?`,
      difficulty: 'standard',
      type: 'open_voice',
      rubric: [{ name: 'Relevance', description: 'Answers with an example', weight: 3 }],
    }))
    const kiosk = await KioskSim.redeem(
      world,
      await world.invite(questions, { maxQuestions: answers.length, maxFollowUps: 0 }),
      REAL_TIME_MS,
    )
    // The interviewer's reply takes as long to play as it would on a speaker: speech that resumes meets it.
    kiosk.realPlayback = true
    await kiosk.start()
    for (const [turn, answer] of answers.entries()) {
      await kiosk.phase('listening', turn, 60_000)
      const startedAt = performance.now()
      // A part's pause is what the microphone carries: espeak's own quiet edges count towards it.
      const pcm = concatPcm(
        ...clips[turn]!.flatMap((clip, p) => {
          const next = clips[turn]![p + 1]
          const edges = (quietEdges(clip.pcm).tailMs + (next ? quietEdges(next.pcm).leadMs : 0)) / 1000
          return [clip.pcm, silence(KIOSK_RATE, Math.max(0, answer.parts[p]!.pauseAfterSec - edges))]
        }),
      )
      result.pauses.push(...innerPausesMs(pcm))
      await kiosk.say(pcm)
      const trueEnd = performance.now() - quietEdges(pcm).tailMs
      await kiosk.until(() => kiosk.of('voice.speech').some((e) => e.at > trueEnd), 60_000)
      const thinking = kiosk.of('voice.state').filter((e) => e.at > startedAt && e.payload.phase === 'thinking')
      if (thinking.some((e) => e.at < trueEnd)) result.continued += 1
      const decided = thinking.find((e) => e.at >= trueEnd)
      const audio = kiosk.of('voice.speech').find((e) => e.at > trueEnd)
      if (!decided || !audio) continue
      const delay = decided.at - trueEnd
      const kind = answer.explicit ? 'explicit' : delay < DEFAULT_SILENCE_END_MS - 300 ? 'agreed' : 'silence'
      result.decision[kind].push(delay)
      const after = world.stub.requests.filter((r) => r.startedAt > decided.at && r.startedAt < audio.at)
      const ack = after.find((r) => r.route === 'chat' && !(r.json as { response_format?: unknown }).response_format)
      const speech = after.find((r) => (r.route === 'speak' || r.route === 'speech') && r.firstByteAt !== undefined)
      if (!speech) continue
      result.reply.push(audio.at - decided.at)
      // With an acknowledgement: its first token, and the next one that completes "Thanks."; then the first speech byte.
      const chatMs = ack ? LATENCY.firstTokenMs + LATENCY.tokenIntervalMs : 0
      result.providers.push(chatMs + speech.firstByteAt! - speech.startedAt)
      if (ack) result.beforeChat.push(ack.startedAt - decided.at)
    }
    await kiosk.phase('done', undefined, 60_000)
    await kiosk.stop()
    const [summary] = await world.call<SessionSummary[]>('sessions.list', {})
    const session = await world.call<SessionDetail>('sessions.get', { id: summary!.id })
    for (const [turn, answer] of answers.entries()) {
      const stored = session.answers.find((a) => a.turnIndex === turn)
      const expected = normal(answer.parts.map((p) => p.heard).join(' '))
      if (!stored || normal(stored.text) !== expected) {
        result.cutOff += 1
        process.stderr.write(`  cut off at question ${turn + 1}: heard "${stored?.text ?? ''}", said "${expected}"\n`)
      }
    }
    if (session.answers.length !== answers.length) result.cutOff += Math.abs(session.answers.length - answers.length)
  } finally {
    await world.close()
  }
  return result
}

function report(r: RunResult) {
  const line = (name: string, values: number[]) =>
    values.length
      ? `${name}: p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))} (n=${values.length})`
      : `${name}: none`
  const replyApp = r.reply.map((v, i) => v - r.providers[i]!)
  console.log(`\n${r.label}`)
  const long = r.pauses.filter((p) => p >= DEFAULT_SILENCE_END_MS).length
  console.log(
    `  pauses inside answers: ${r.pauses.length}, p50 ${ms(percentile(r.pauses, 50))}, max ${ms(Math.max(...r.pauses))}; ${long} as long as the long pause`,
  )
  console.log(
    `  cut off: ${r.cutOff} of ${r.answers}; ended early at a pause and continued within the grace window: ${r.continued}`,
  )
  console.log(`  true end of speech -> decision`)
  console.log(`    ${line('ended by "that is my answer"', r.decision.explicit)}`)
  console.log(`    ${line('ended by the check agreeing with a pause', r.decision.agreed)}`)
  console.log(`    ${line(`ended by the long pause (${DEFAULT_SILENCE_END_MS} ms)`, r.decision.silence)}`)
  console.log(`  decision -> first reply audio: ${line('total', r.reply)}`)
  console.log(
    `    ${line("app's own share (total minus the chat model's first sentence and the first speech byte)", replyApp)}`,
  )
  console.log(`    ${line('decision -> acknowledgement request sent', r.beforeChat)}`)
}

async function main() {
  requireAudioTools()
  const dir = tempDir('panelist-bench-turns-')
  const next = random(seed)
  try {
    console.log(`turn-taking bench: ${perRun} answers per run, seed ${seed}, TTS at ${TTS_SAMPLE_RATE} Hz`)
    for (const path of ['deepgram', 'openai'] as const) {
      for (const judge of ['never', 'always'] as const) {
        report(await run(dir, path, judge, makeAnswers(perRun, next)))
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
