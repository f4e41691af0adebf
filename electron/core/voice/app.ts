import type { Kysely } from 'kysely'
import { base64ToBytes } from '../../../shared/base64'
import { StudioError } from '../../../shared/contract/errors'
import type { AiCapabilities } from '../ai/types'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { SyncedWriter } from '../db/synced'
import type { EventBus } from '../events'
import type { InterviewEngine } from '../interviews/engine/engine'
import { toKioskTurn } from '../interviews/engine/turn-view'
import type { PromptRenderer } from '../interviews/prompts'
import type { DomainApp } from '../ipc/dispatcher'
import type { Logger } from '../logger'
import type { Queue } from '../queue/queue'
import type { JobDefinition } from '../queue/types'
import { createRecordingsStore, type RecordingsStore } from '../recording/recordings-store'
import { PAUSED_FOR_DISPLAY } from './session-pause'
import { TRANSCRIBE_JOB, transcribeJob, type TranscribePayload } from './transcribe-job'
import { createTurnJudge } from './turn-judge'
import { createVoiceSession, DEFAULT_VOICE_OPTIONS, type VoiceOptions, type VoiceSession } from './voice-session'

/** A voice loop whose kiosk has sent no audio for this long is closed (the window went away). */
const IDLE_STREAM_MS = 90_000

export interface VoiceDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  clock: Clock
  logger: Logger
  events: EventBus
  queue: Queue
  engine: InterviewEngine
  ai: AiCapabilities
  prompts: PromptRenderer
  dataDir: string
  options?: Partial<VoiceOptions>
}

const STORAGE_FULL_FOR_RECRUITER =
  'An interview paused because the disk holding Panelist’s data is full. Free some space; the candidate can then continue with the same code from the question they were on.'

/** The kiosk's side of an interview: redeeming a code, the voice loop, consent and integrity signals. */
export interface VoiceApp extends DomainApp<'interview'> {
  recordings: RecordingsStore
  /** The queued transcription of answers no provider heard live. */
  jobs: JobDefinition<never>[]
  /**
   * Records what the kiosk window itself saw (a blocked shortcut, a display change, a crashed
   * renderer) against the interview that window is running; false when it runs none.
   */
  recordWindowSignal(connection: string, kind: string): Promise<boolean>
  /** Repairs recordings a crash left open and queues any transcription a crash left unqueued. */
  start(): Promise<void>
  close(): Promise<void>
}

const OK = { ok: true } as const

export function createApp(deps: VoiceDeps): VoiceApp {
  const { db, engine, ai, logger } = deps
  const options: VoiceOptions = { ...DEFAULT_VOICE_OPTIONS, ...deps.options }
  const chat = () => (ai.available('chat') ? ai.chat() : null)
  const recordings = createRecordingsStore({ db, dataDir: deps.dataDir, clock: deps.clock, logger })
  const streams = new Map<string, VoiceSession>()
  const streamOfSession = new Map<string, string>()
  // Which interview each kiosk window or socket is running, learned from its token-bearing requests.
  const sessionOfConnection = new Map<string, string>()
  let sweep: NodeJS.Timeout | null = null

  const enqueueTranscription = async (payload: TranscribePayload) => {
    await deps.queue.enqueue(db, TRANSCRIBE_JOB, payload, { idempotencyKey: `${TRANSCRIBE_JOB}:${payload.answerId}` })
    deps.queue.notify()
  }

  const stream = (streamId: string): VoiceSession => {
    const found = streams.get(streamId)
    if (!found) throw new StudioError('not_found', 'This voice connection has ended; the kiosk starts a new one.')
    return found
  }

  const stopStream = async (streamId: string) => {
    const session = streams.get(streamId)
    if (!session) return
    streams.delete(streamId)
    if (streamOfSession.get(session.sessionId) === streamId) streamOfSession.delete(session.sessionId)
    await session.stop()
  }

  const insertKioskEvent = (sessionId: string, kind: string, turnIndex: number | null, amount: number) =>
    db.transaction().execute((trx) =>
      deps.writer.insert(trx, 'interview_kiosk_events', {
        session_id: sessionId,
        kind,
        turn_index: turnIndex,
        amount,
        occurred_at: deps.clock.now(),
      }),
    )

  /**
   * A second screen, seen by the kiosk page or by the desktop app's window, pauses the interview:
   * a prompt could be read from it.
   */
  const pauseForDisplay = async (sessionId: string) => {
    const streamId = streamOfSession.get(sessionId)
    const running = streamId ? streams.get(streamId) : undefined
    if (running && !running.practice) await running.pause(PAUSED_FOR_DISPLAY)
  }

  const recordKioskEvent = async (
    token: string,
    kind: string,
    turnIndex: number | null,
    amount: number,
    connection: string | undefined,
  ) => {
    const sessionId = await engine.sessionForToken(token)
    if (connection) sessionOfConnection.set(connection, sessionId)
    await insertKioskEvent(sessionId, kind, turnIndex, amount)
    if (kind === 'display_added') await pauseForDisplay(sessionId)
    return OK
  }

  /** The candidate's latest consent choice stands when they come back with their code. */
  const consentGiven = async (sessionId: string) => {
    const latest = await db
      .selectFrom('interview_kiosk_events')
      .select('kind')
      .where('session_id', '=', sessionId)
      .where('kind', 'in', ['consented', 'alternative_requested'])
      .orderBy('occurred_at', 'desc')
      .executeTakeFirst()
    return latest?.kind === 'consented'
  }

  const handlers: VoiceApp['handlers'] = {
    'interview.redeem': async ({ code }) => {
      const started = await engine.startSession(code)
      return {
        token: started.token,
        resumed: started.resumed,
        consented: started.resumed && (await consentGiven(started.sessionId)),
        turn: toKioskTurn(await engine.currentTurn(started.sessionId)),
      }
    },
    'interview.turn': async ({ token }) => toKioskTurn(await engine.currentTurn(await engine.sessionForToken(token))),
    'interview.voiceStart': async ({ token, streamId, sampleRate, practice }, ctx) => {
      const sessionId = await engine.sessionForToken(token)
      if (ctx.connection) sessionOfConnection.set(ctx.connection, sessionId)
      const turn = await engine.currentTurn(sessionId)
      const captions = ai.available('stt')
      const speech = ai.available('tts') ? 'server' : 'browser'
      const started = {
        mode: captions && speech === 'server' ? 'live' : 'scripted',
        captions,
        speech,
        turn: toKioskTurn(turn),
      } as const
      if (turn.status !== 'in_progress') return started
      if (streams.has(streamId)) throw new StudioError('conflict', 'That voice connection is already open')
      // One voice loop per interview: a reloaded or reconnected kiosk replaces the old one.
      const previous = streamOfSession.get(sessionId)
      if (previous) await stopStream(previous)
      const session = createVoiceSession(
        {
          engine,
          stt: () => (ai.available('stt') ? ai.stt() : null),
          tts: () => (ai.available('tts') ? ai.tts() : null),
          turnJudge: (question) => createTurnJudge({ chat, prompts: deps.prompts, logger }, question, sessionId),
          recordings,
          // Captions and reply audio go to the kiosk that opened this voice loop and nowhere else.
          emit: (name, payload) => deps.events.emit(name, payload, ctx.connection),
          onStorageFull: () => deps.events.emit('app.storageFull', { message: STORAGE_FULL_FOR_RECRUITER }),
          enqueueTranscription,
          clock: deps.clock,
          logger,
          options,
        },
        { streamId, sessionId, sampleRate, practice, turn },
      )
      streams.set(streamId, session)
      streamOfSession.set(sessionId, streamId)
      session.begin()
      return started
    },
    'interview.voiceMic': ({ streamId, seq, pcm }) => {
      stream(streamId).mic(seq, base64ToBytes(pcm))
      return OK
    },
    'interview.voiceCamera': ({ streamId, turnIndex, seq, data }) => {
      stream(streamId).camera(turnIndex, seq, base64ToBytes(data))
      return OK
    },
    'interview.voicePlayback': ({ streamId, utteranceId, event }) => {
      stream(streamId).playback(utteranceId, event)
      return OK
    },
    'interview.voiceInterrupt': ({ streamId }) => {
      stream(streamId).interrupt()
      return OK
    },
    'interview.voiceEndAnswer': ({ streamId }) => {
      stream(streamId).endAnswer()
      return OK
    },
    'interview.voiceTyping': ({ streamId, typing }) => {
      stream(streamId).typing(typing)
      return OK
    },
    'interview.voiceRetake': async ({ streamId }) => {
      await stream(streamId).retake()
      return OK
    },
    'interview.voiceRepeat': async ({ streamId }) => {
      await stream(streamId).repeat()
      return OK
    },
    'interview.voiceTextAnswer': async ({ streamId, ...answer }) => {
      await stream(streamId).textAnswer(answer)
      return OK
    },
    'interview.voiceStop': async ({ streamId }) => {
      await stopStream(streamId)
      return OK
    },
    'interview.consent': ({ token, choice }, ctx) => recordKioskEvent(token, choice, null, 0, ctx.connection),
    'interview.integrity': ({ token, kind, turnIndex, amount }, ctx) =>
      recordKioskEvent(token, kind, turnIndex, amount, ctx.connection),
  }

  return {
    handlers,
    async recordWindowSignal(connection, kind) {
      const sessionId = sessionOfConnection.get(connection)
      if (!sessionId) return false
      await insertKioskEvent(sessionId, `window:${kind}`, null, 0)
      if (kind === 'display-added' || kind === 'multiple-displays') await pauseForDisplay(sessionId)
      return true
    },
    recordings,
    jobs: [
      transcribeJob({
        ai,
        recordings,
        writer: deps.writer,
        reevaluate: (answerId) => engine.reevaluateAnswer(answerId),
      }) as JobDefinition<never>,
    ],
    async start() {
      await recordings.repairInterrupted()
      const untranscribed = await db
        .selectFrom('interview_answers')
        .select(['id', 'session_id', 'audio_path'])
        .where('input_mode', '=', 'voice')
        .where('skipped', '=', 0)
        .where('text', '=', '')
        .where('audio_path', 'is not', null)
        .where('deleted_at', 'is', null)
        .execute()
      for (const answer of untranscribed) {
        await enqueueTranscription({
          answerId: answer.id,
          sessionId: answer.session_id,
          recordingPath: answer.audio_path!,
        })
      }
      sweep = setInterval(() => {
        const now = deps.clock.now()
        for (const [streamId, session] of streams) {
          if (now - session.lastMicAt > IDLE_STREAM_MS) void stopStream(streamId)
        }
      }, 10_000)
      sweep.unref()
    },
    async close() {
      if (sweep) clearInterval(sweep)
      await Promise.all([...streams.keys()].map((streamId) => stopStream(streamId)))
    },
  }
}
