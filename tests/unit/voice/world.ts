import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { EventName, EventPayload } from '@shared/contract'
import type { KioskStart, QuestionInput, TemplateSettings } from '@shared/contract/interviews'
import type { VoicePhase, VoiceStart, VoiceStateEvent } from '@shared/contract/kiosk'
import type { StudioOptions } from '@core/studio'
import { startAiStub, type AiStub, type AiStubOptions } from '../../harness/ai-stub'
import { createTempStudio } from '../../helpers/temp-studio'
import { budget } from '../../helpers/patience'
import { chunked } from '../../fixtures/audio/speech'

type Studio = Awaited<ReturnType<typeof createTempStudio>>['studio']

export const KIOSK_RATE = 16_000
/** The simulated kiosk sends a 20 ms chunk every this many ms (four times faster than real time). */
const CHUNK_EVERY_MS = 5
/** A kiosk at the pace of a real microphone (benchmarks measure wall-clock delays with it). */
export const REAL_TIME_MS = 20

export interface VoiceWorld {
  stub: AiStub
  studio: Studio
  dataDir: string
  call<T>(name: string, input: unknown, audience?: 'recruiter' | 'kiosk'): Promise<T>
  /** A published template and an invitation; returns the kiosk code. */
  invite(questions: QuestionInput[], settings?: Partial<TemplateSettings>): Promise<string>
  close(): Promise<void>
}

export async function voiceWorld(options: {
  stub?: AiStubOptions
  keys?: boolean
  studio?: Partial<StudioOptions>
}): Promise<VoiceWorld> {
  const stub = await startAiStub(options.stub)
  const { studio, dataDir } = await createTempStudio({
    ai: { openaiBaseUrl: stub.openaiBaseUrl, deepgramBaseUrl: stub.deepgramBaseUrl },
    ...options.studio,
  })
  const call = async <T>(name: string, input: unknown, audience: 'recruiter' | 'kiosk' = 'recruiter'): Promise<T> => {
    const result = await studio.dispatch(name, input, { audience })
    if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.message}`), result.error)
    return result.value as T
  }
  if (options.keys ?? true) {
    await call('secrets.set', { name: 'openai.apiKey', value: 'sk-test-voice-loop-key' })
    await call('secrets.set', { name: 'deepgram.apiKey', value: 'dg-test-voice-loop-key' })
  }
  return {
    stub,
    studio,
    dataDir,
    call,
    async invite(questions, settings = {}) {
      const template = await call<{ id: string }>('templates.create', {
        name: 'Platform engineer',
        settings: { maxQuestions: 16, maxDurationMinutes: 60, maxFollowUps: 0, ...settings },
      })
      for (const question of questions) await call('questions.add', { templateId: template.id, question })
      await call('templates.publish', { id: template.id })
      const invitation = await call<{ code: string }>('invitations.create', {
        templateId: template.id,
        candidateId: 'cand-voice',
        candidateName: 'Grace Hopper',
      })
      return invitation.code
    },
    async close() {
      await studio.close()
      await stub.close()
    },
  }
}

export interface SeenEvent<K extends EventName = EventName> {
  name: K
  payload: EventPayload<K>
  /** performance.now() when it was pushed (the stub's request log uses the same clock). */
  at: number
}

/**
 * The kiosk's side of the voice loop, driven by a test: it streams microphone chunks (silence, or
 * the speech it is told to say) at a steady pace, reports playback as finished as soon as an
 * utterance is complete (or never, to test interruptions), and records every event it receives.
 */
export class KioskSim {
  readonly streamId = randomUUID()
  readonly events: SeenEvent[] = []
  state: VoiceStateEvent | null = null
  /** Microphone chunks the studio refused; a session that hears the kiosk fine refuses none. */
  readonly micErrors: unknown[] = []
  autoPlayback = true
  /**
   * Reports playback as ended when the reply audio would really have finished playing (from its
   * first chunk, at its sample rate) rather than as soon as it has all arrived.
   */
  realPlayback = false
  private queue: Uint8Array[] = []
  private seq = 0
  private timer: NodeJS.Timeout | null = null
  private waiters: (() => void)[] = []
  private unsubscribe: () => void

  constructor(
    private readonly world: VoiceWorld,
    readonly token: string,
    private readonly chunkEveryMs = CHUNK_EVERY_MS,
  ) {
    this.unsubscribe = world.studio.events.subscribe((name, payload) => {
      const mine = (payload as { streamId?: string }).streamId === this.streamId
      if (!mine) return
      this.events.push({ name, payload, at: performance.now() } as SeenEvent)
      if (name === 'voice.state') this.state = payload as VoiceStateEvent
      if (name === 'voice.reply' && (payload as EventPayload<'voice.reply'>).done && this.autoPlayback) {
        const { utteranceId } = payload as EventPayload<'voice.reply'>
        const ended = () =>
          void this.send('interview.voicePlayback', { streamId: this.streamId, utteranceId, event: 'ended' })
        if (this.realPlayback) setTimeout(ended, this.playbackLeftMs(utteranceId))
        else ended()
      }
      this.waiters.splice(0).forEach((wake) => wake())
    })
  }

  static async redeem(world: VoiceWorld, code: string, chunkEveryMs?: number): Promise<KioskSim> {
    const start = await world.call<KioskStart>('interview.redeem', { code }, 'kiosk')
    return new KioskSim(world, start.token, chunkEveryMs)
  }

  send<T>(name: string, input: unknown): Promise<T> {
    return this.world.call<T>(name, input, 'kiosk')
  }

  async start(practice = false): Promise<VoiceStart> {
    const started = await this.send<VoiceStart>('interview.voiceStart', {
      token: this.token,
      streamId: this.streamId,
      sampleRate: KIOSK_RATE,
      practice,
    })
    this.timer ??= setInterval(() => this.tick(), this.chunkEveryMs)
    return started
  }

  /** Queues speech; resolves once the last chunk has been sent. */
  async say(pcm: Uint8Array): Promise<void> {
    const chunks = chunked(pcm, KIOSK_RATE, 20)
    this.queue.push(...chunks)
    const last = chunks.at(-1)
    await this.until(() => last !== undefined && !this.queue.includes(last), 60_000)
  }

  private tick() {
    const chunk = this.queue.shift() ?? new Uint8Array(640)
    const seq = this.seq++
    this.send('interview.voiceMic', { streamId: this.streamId, seq, pcm: Buffer.from(chunk).toString('base64') }).catch(
      (error: unknown) => {
        // Chunks sent after the stream is stopped are refused by design.
        if (this.timer) this.micErrors.push(error)
      },
    )
    this.waiters.splice(0).forEach((wake) => wake())
  }

  private playbackLeftMs(utteranceId: string): number {
    const chunks = this.of('voice.speech').filter((e) => e.payload.utteranceId === utteranceId)
    if (!chunks.length) return 0
    const seconds = chunks.reduce((sum, e) => sum + (e.payload.pcm.length * 3) / 4 / 2 / e.payload.sampleRate, 0)
    return Math.max(0, chunks[0]!.at + seconds * 1000 - performance.now())
  }

  of<K extends EventName>(name: K): SeenEvent<K>[] {
    return this.events.filter((e) => e.name === name) as SeenEvent<K>[]
  }

  async until(predicate: () => boolean, timeoutMs = budget(20_000)): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; last state: ${JSON.stringify(this.state)}`)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 50)
      })
    }
  }

  /** Waits for a phase (for a turn, when given). */
  async phase(phase: VoicePhase, turnIndex?: number, timeoutMs?: number): Promise<VoiceStateEvent> {
    await this.until(
      () =>
        this.state?.phase === phase && (turnIndex === undefined || this.state.turn?.question?.turnIndex === turnIndex),
      timeoutMs,
    )
    return this.state!
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.unsubscribe()
    await this.send('interview.voiceStop', { streamId: this.streamId }).catch(() => undefined)
  }
}
