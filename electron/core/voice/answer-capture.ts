import type { LiveTranscription, TranscriptWord } from '../ai/types'
import type { Logger } from '../logger'
import type { AudioRecording, RecordingsStore } from '../recording/recordings-store'
import { faultOf, type RecordingFault } from '../recording/write-fault'
import { createAnswerEndpoint, type EndReason, type EndpointOptions } from './answer-endpoint'
import { pcmMs } from './pcm'
import { createSpeechTimeline, type AnswerTiming } from './speech-timeline'
import type { TurnJudge } from './turn-judge'

/** How long an answer ended by a button or the clock waits for the provider's last words. */
const FINISH_WAIT_MS = 1500

export interface CapturedAnswer {
  turnIndex: number
  reason: EndReason
  /** What speech-to-text heard; '' when it was not listening (the recording is transcribed later). */
  text: string
  words: TranscriptWord[]
  /** True when the provider heard the whole answer; false leaves the recording for the queued transcription. */
  transcribed: boolean
  recording: AudioRecording | null
  /** Settles once the recording is flushed and closed. */
  recordingDone: Promise<void>
  timing: AnswerTiming
  /** Audio captured, including any pre-roll. */
  audioMs: number
  /** Wall-clock time of the answer audio's first sample, and of the end decision. */
  startedAt: number
  endedAt: number
}

export interface AnswerCaptureOptions {
  sessionId: string
  turnIndex: number
  sampleRate: number
  /** Practice answers are heard and captioned but never written to disk. */
  record: boolean
  /** The live transcription opened for this answer, or null when there is no provider. */
  stt: Promise<LiveTranscription | null>
  recordings: RecordingsStore
  /** Answering time before the clock ends the answer (time limit plus preparation). */
  timeLimitMs: number
  endpoint?: EndpointOptions
  /** Advanced questions get a longer silence before the answer ends. */
  advanced: boolean
  /** Reads the words so far in a pause; null when nothing can (practice, no model). */
  judge: TurnJudge | null
  wallNow: () => number
  /** Wall-clock time of the first sample (earlier than now when held audio is replayed into the answer). */
  startedAt?: number
  logger: Logger
  onCaption(text: string, final: boolean): void
  /** The answer decided it is over (a pause, the provider, the clock); the owner calls end(). */
  onEndDecided(reason: EndReason): void
  /** Speech-to-text stopped working mid-answer. */
  onProviderLost(): void
  /** The recording stopped taking audio early: the disk is full, or more came than the answer's time allows. */
  onRecordingFault(fault: RecordingFault): void
}

export interface AnswerCapture {
  readonly turnIndex: number
  push(pcm: Uint8Array): void
  /** Stops listening and hands over what was heard. Idempotent. */
  end(reason: EndReason): Promise<CapturedAnswer>
  /** Milliseconds of audio so far. */
  readonly audioMs: number
  heardSpeech(): boolean
  /**
   * While the candidate types an answer instead, nothing ends this one by itself (not a pause, not
   * the clock); the audio is still recorded. The clock resumes with the time that was left.
   */
  hold(on: boolean): void
}

/**
 * One answer as it is spoken: every chunk goes to the recording file, to our own speech timeline
 * and to live speech-to-text (chunks that arrive before the recorder or the provider is ready are
 * held and sent in order). Captions go out as the provider hears words; the end is decided by
 * the endpoint policy, the time limit or the candidate.
 */
/**
 * The most audio one answer may record: twice its time limit and two minutes more (a typed answer
 * keeps the microphone recording past the clock). Only audio sent faster than real time meets it.
 */
const maxRecordingBytes = (options: AnswerCaptureOptions) =>
  Math.round(options.sampleRate * 2 * ((options.timeLimitMs * 2) / 1000 + 120))

export function createAnswerCapture(options: AnswerCaptureOptions): AnswerCapture {
  const { logger } = options
  const startedAt = options.startedAt ?? options.wallNow()
  const timeline = createSpeechTimeline(options.sampleRate)
  let providerListening = true
  const endpoint = createAnswerEndpoint({ ...options.endpoint, advanced: options.advanced })
  const finals: { text: string; words: TranscriptWord[] }[] = []
  let interim = ''
  let audioBytes = 0
  let ended: Promise<CapturedAnswer> | null = null
  let decided = false
  let stt: LiveTranscription | null = null
  let sttPending: Uint8Array[] | null = []
  let recording: AudioRecording | null = null
  let recordingPending: Uint8Array[] | null = options.record ? [] : null
  let transcriptLoop: Promise<void> = Promise.resolve()

  /** The words last sent to the judge, and its verdict on exactly those words. */
  let judged: { text: string; complete: boolean | null } = { text: '', complete: null }
  const judgeInPause = (text: string, silenceMs: number) => {
    if (!options.judge || !text || silenceMs < endpoint.judgeAfterMs || judged.text === text) return
    judged = { text, complete: null }
    void options.judge(text).then((complete) => {
      if (judged.text === text) judged = { text, complete }
    })
  }

  let held = false
  const decide = (reason: EndReason) => {
    if (decided || ended || held) return
    decided = true
    options.onEndDecided(reason)
  }

  const heardText = () => finals.map((f) => f.text).join(' ')
  const caption = (final: boolean) => {
    const text = [heardText(), final ? '' : interim].filter(Boolean).join(' ')
    options.onCaption(text, final)
  }

  const loseProvider = (error: unknown) => {
    if (!providerListening) return
    providerListening = false
    logger.warn('live transcription stopped; the answer is recorded and transcribed later', {
      error: error instanceof Error ? error.message : String(error),
    })
    options.onProviderLost()
  }

  const readTranscripts = async (session: LiveTranscription) => {
    try {
      for await (const event of session.events) {
        if (ended && event.type === 'interim') continue
        if (event.type === 'interim') {
          interim = event.text
          caption(false)
        } else if (event.type === 'final') {
          interim = ''
          finals.push({ text: event.text, words: event.words ?? [] })
          caption(true)
        }
        const reason = endpoint.onTranscript(event)
        if (reason) decide(reason)
      }
    } catch (error) {
      if (!ended) loseProvider(error)
    }
  }

  options.stt.then(
    (session) => {
      if (!session) {
        sttPending = null
        loseProvider(new Error('no speech-to-text provider'))
        return
      }
      if (ended) {
        session.close()
        return
      }
      stt = session
      for (const chunk of sttPending ?? []) session.send(chunk)
      sttPending = null
      transcriptLoop = readTranscripts(session)
    },
    (error: unknown) => {
      sttPending = null
      loseProvider(error)
    },
  )

  const recordingStarted = options.record
    ? options.recordings
        .startAudio(options.sessionId, options.turnIndex, options.sampleRate, {
          maxDataBytes: maxRecordingBytes(options),
          onFault: options.onRecordingFault,
        })
        .then(
          (started) => {
            recording = started
            for (const chunk of recordingPending ?? []) started.recorder.write(chunk)
            recordingPending = null
          },
          (error: unknown) => {
            recordingPending = null
            options.onRecordingFault(faultOf(error))
          },
        )
    : Promise.resolve()

  let timeLimit: NodeJS.Timeout | undefined
  let limitEndsAt = 0
  let limitLeftMs = options.timeLimitMs
  const armTimeLimit = () => {
    limitEndsAt = Date.now() + limitLeftMs
    timeLimit = setTimeout(() => decide('time_limit'), limitLeftMs)
    timeLimit.unref?.()
  }
  armTimeLimit()

  const collectTranscript = async (reason: EndReason) => {
    const session = stt
    if (!session) {
      sttPending = null
      return
    }
    if (reason === 'spoken_end' || reason === 'agreed') {
      // The provider has already said everything (the words that ended the answer were its own).
      // Closing the stream politely (not dropping the socket) lets it report the audio it heard,
      // which is what the call is billed by.
      session.finish().catch(() => session.close())
      return
    }
    // Ended by us: ask the provider to finish what it heard, but not for long.
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      session.finish().then(() => transcriptLoop),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, FINISH_WAIT_MS))),
    ]).catch((error: unknown) => loseProvider(error))
    clearTimeout(timer)
    session.close()
  }

  return {
    turnIndex: options.turnIndex,
    get audioMs() {
      return pcmMs(audioBytes, options.sampleRate)
    },
    heardSpeech: () => timeline.heardSpeech(),
    hold(on) {
      if (on === held || ended) return
      held = on
      if (on) {
        clearTimeout(timeLimit)
        limitLeftMs = Math.max(0, limitEndsAt - Date.now())
      } else {
        armTimeLimit()
      }
    },
    push(pcm) {
      if (ended) return
      audioBytes += pcm.byteLength
      if (recordingPending) recordingPending.push(pcm)
      else recording?.recorder.write(pcm)
      if (sttPending) sttPending.push(pcm)
      else if (stt && providerListening) stt.send(pcm)
      timeline.push(pcm)
      const silenceMs = timeline.silenceMs()
      const text = heardText()
      judgeInPause(text, silenceMs)
      const agreed = judged.complete === true && judged.text === text
      const reason = endpoint.onSilence(silenceMs, timeline.summary().speechMs, agreed)
      if (reason) decide(reason)
    },
    end(reason) {
      ended ??= (async () => {
        clearTimeout(timeLimit)
        const endedAt = options.wallNow()
        const collected = collectTranscript(reason)
        await recordingStarted
        const held = recording as AudioRecording | null
        const recordingDone = held
          ? options.recordings.completeAudio(held, null).then(
              () => undefined,
              (error: unknown) => logger.error('answer recording could not be finished', { error: String(error) }),
            )
          : Promise.resolve()
        await collected
        const text = heardText()
        return {
          turnIndex: options.turnIndex,
          reason,
          text,
          words: finals.flatMap((f) => f.words),
          transcribed: providerListening && stt !== null,
          recording: held,
          recordingDone,
          timing: timeline.summary(),
          audioMs: pcmMs(audioBytes, options.sampleRate),
          startedAt,
          endedAt,
        }
      })()
      return ended
    },
  }
}
