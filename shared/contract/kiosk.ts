import { z } from 'zod'
import { request } from './define'
import { kioskCodeSchema, type KioskStart, type KioskTurn } from './interviews'
import { selfIdentificationSchema } from './fairness'

/**
 * The kiosk's live voice loop: microphone audio streams in as small PCM chunks, main answers with
 * pushed events (captions, the interviewer's words, reply audio, phase changes). Every request
 * names a voice stream that only the holder of the interview's session token could open.
 */

/** The practice question: spoken by the interviewer and shown on the kiosk's screen. */
export const PRACTICE_QUESTION = 'In a sentence or two, tell me how your day is going.'

/** Capture rates the kiosk may send; 16-bit little-endian mono PCM at one of them. */
export const MIC_SAMPLE_RATES = [16_000, 24_000, 32_000, 44_100, 48_000] as const
/** A mic chunk is 20-100 ms; 100 ms at 48 kHz is 9,600 bytes (12,800 base64 characters). Some slack for jitter. */
export const MAX_MIC_CHUNK_BASE64 = 40_000
/** A MediaRecorder timeslice of a second of camera video stays far below this. */
export const MAX_CAMERA_CHUNK_BASE64 = 4_000_000
/** The kiosk's camera recording bitrate (video; the microphone's Opus adds about 100 kbit/s). */
export const CAMERA_VIDEO_BITS_PER_SECOND = 600_000
/**
 * What the studio keeps of a video per second of the question's (and the interview's) time limit:
 * about 2.5× what the kiosk records, so a real recording never meets it and a flood stops there.
 */
export const VIDEO_BYTES_PER_SECOND_ALLOWED = 250_000

const sessionToken = z.string().min(20).max(100)
const streamId = z.string().uuid()
const base64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')

/** `paused`: the studio cannot save answers (its disk is full); the notice says what to do. */
export const voicePhaseSchema = z.enum(['speaking', 'thinking', 'listening', 'practice_done', 'done', 'paused'])
export type VoicePhase = z.infer<typeof voicePhaseSchema>

export const integrityKindSchema = z.enum([
  'focus_lost',
  'focus_regained',
  'hidden',
  'visible',
  'paste',
  'fullscreen_exit',
  /** A second screen appeared mid-interview; the interview pauses until the candidate continues on one. */
  'display_added',
])
export type IntegrityKind = z.infer<typeof integrityKindSchema>

export interface VoiceStart {
  /** live: captions and the interviewer's voice from the AI providers; scripted: template questions spoken by the kiosk itself. */
  mode: 'live' | 'scripted'
  /** Live captions are available (speech-to-text is reachable). */
  captions: boolean
  /** 'server': reply audio arrives as `voice.speech` events; 'browser': the kiosk speaks `voice.reply` segments itself. */
  speech: 'server' | 'browser'
  turn: KioskTurn
}

export type Ack = { ok: true }

export const kioskRequests = {
  /**
   * The candidate's own answers, from the kiosk at the end of their interview: the session's token
   * names who they are, so a kiosk can answer only for its own candidate. Nothing is sent back.
   */
  'fairness.selfIdentify': request<{ saved: true }>()(
    z.object({ token: sessionToken, answers: selfIdentificationSchema }).strict(),
    ['kiosk'],
  ),
  /** Whether the questions are asked at all: only a candidate stored in the studio can be counted in a report. */
  'fairness.selfIdentifyOffered': request<{ offered: boolean }>()(z.object({ token: sessionToken }).strict(), [
    'kiosk',
  ]),
  /** Opens (or resumes) the interview an invitation code names; the token it returns names it from then on. */
  'interview.redeem': request<KioskStart>()(z.object({ code: kioskCodeSchema }).strict(), ['kiosk']),
  /** Where the interview stands: the question in front of the candidate, the clocks, or how it ended. */
  'interview.turn': request<KioskTurn>()(z.object({ token: sessionToken }).strict(), ['kiosk']),
  /**
   * Opens the voice loop for an interview (or its practice question); main starts speaking at once.
   * The kiosk names the stream itself so it recognises the first events, which may overtake the reply.
   */
  'interview.voiceStart': request<VoiceStart>()(
    z
      .object({
        token: sessionToken,
        streamId,
        sampleRate: z.literal(MIC_SAMPLE_RATES),
        practice: z.boolean().default(false),
      })
      .strict(),
    ['kiosk'],
  ),
  /** One chunk of microphone PCM, in capture order. */
  'interview.voiceMic': request<Ack>()(
    z.object({ streamId, seq: z.number().int().min(0), pcm: base64(MAX_MIC_CHUNK_BASE64) }).strict(),
    ['kiosk'],
  ),
  /** One MediaRecorder chunk of the camera recording for the answer in progress. */
  'interview.voiceCamera': request<Ack>()(
    z
      .object({
        streamId,
        turnIndex: z.number().int().min(0).max(1000),
        seq: z.number().int().min(0),
        data: base64(MAX_CAMERA_CHUNK_BASE64),
      })
      .strict(),
    ['kiosk'],
  ),
  /** The kiosk started or finished playing an utterance (server audio or its own speech synthesis). */
  'interview.voicePlayback': request<Ack>()(
    z.object({ streamId, utteranceId: z.string().uuid(), event: z.enum(['started', 'ended']) }).strict(),
    ['kiosk'],
  ),
  /** The candidate pressed "Interrupt": stop speaking and listen. */
  'interview.voiceInterrupt': request<Ack>()(z.object({ streamId }).strict(), ['kiosk']),
  /** The candidate pressed "I have finished answering". */
  'interview.voiceEndAnswer': request<Ack>()(z.object({ streamId }).strict(), ['kiosk']),
  /** The candidate opened or closed "Answer in text instead": while typing, no pause or clock ends the spoken answer. */
  'interview.voiceTyping': request<Ack>()(z.object({ streamId, typing: z.boolean() }).strict(), ['kiosk']),
  /** "Repeat the question": the interviewer says the current question again. */
  'interview.voiceRepeat': request<Ack>()(z.object({ streamId }).strict(), ['kiosk']),
  /** "Start my answer again": drops what was captured of this answer and uses one of the question's retakes. */
  'interview.voiceRetake': request<Ack>()(z.object({ streamId }).strict(), ['kiosk']),
  /** "Answer in text instead". */
  'interview.voiceTextAnswer': request<Ack>()(
    z
      .object({
        streamId,
        turnIndex: z.number().int().min(0).max(1000),
        text: z.string().trim().min(1).max(20_000),
        typingMs: z.number().int().min(0).max(3_600_000).default(0),
        pastedChars: z.number().int().min(0).max(20_000).default(0),
      })
      .strict(),
    ['kiosk'],
  ),
  /** The kiosk is leaving the interview screen; the answer in progress is kept. */
  'interview.voiceStop': request<Ack>()(z.object({ streamId }).strict(), ['kiosk']),
  /** Consent to recording and AI evaluation, or a request for another process; kept with the interview. */
  'interview.consent': request<Ack>()(
    z.object({ token: sessionToken, choice: z.enum(['consented', 'alternative_requested']) }).strict(),
    ['kiosk'],
  ),
  /** A behavioural integrity signal (focus lost, window hidden, text pasted) for the recruiter to weigh. */
  'interview.integrity': request<Ack>()(
    z
      .object({
        token: sessionToken,
        kind: integrityKindSchema,
        turnIndex: z.number().int().min(0).max(1000).nullable().default(null),
        /** Pasted characters, or how long focus was away. */
        amount: z.number().int().min(0).max(100_000_000).default(0),
      })
      .strict(),
    ['kiosk'],
  ),
}

export interface VoiceStateEvent {
  streamId: string
  phase: VoicePhase
  /** Where the interview stands; null during the practice question. */
  turn: KioskTurn | null
  /** True when this phase began because the candidate spoke over the interviewer or pressed Interrupt. */
  interrupted: boolean
  /** For the candidate, e.g. "Captions are unavailable; your answer is still recorded." */
  notice: string | null
}

export interface VoiceCaptionEvent {
  streamId: string
  turnIndex: number | null
  /** The whole answer heard so far (finished phrases plus the phrase in progress). */
  text: string
  final: boolean
}

/** Main-side timings of one utterance, in ms from the moment main began to say it. */
export interface UtteranceTiming {
  /** The first piece of text was cut and ready to speak. */
  firstSegmentMs: number | null
  /** The first reply audio went out to the kiosk. */
  firstAudioMs: number | null
  /** All of the utterance's text had arrived. */
  textDoneMs: number
}

export interface VoiceReplyEvent {
  streamId: string
  utteranceId: string
  /** The next piece of what the interviewer says, cut at a sentence or clause; '' on the closing event. */
  segment: string
  /** How the kiosk hears it: reply audio follows as `voice.speech`, or the kiosk speaks the segment itself. */
  speech: 'server' | 'browser'
  /** The utterance is complete: no more pieces or audio follow. */
  done: boolean
  timing: UtteranceTiming | null
}

export interface VoiceSpeechEvent {
  streamId: string
  utteranceId: string
  seq: number
  /** 16-bit little-endian mono PCM. */
  sampleRate: number
  pcm: string
}

export interface VoiceStopPlaybackEvent {
  streamId: string
  utteranceId: string
}

export const kioskEvents = {
  'voice.state': z.custom<VoiceStateEvent>(),
  'voice.caption': z.custom<VoiceCaptionEvent>(),
  'voice.reply': z.custom<VoiceReplyEvent>(),
  'voice.speech': z.custom<VoiceSpeechEvent>(),
  'voice.stopPlayback': z.custom<VoiceStopPlaybackEvent>(),
}

/** Events a kiosk window receives (merged into kioskEventNames). */
export const KIOSK_VOICE_EVENTS = Object.keys(kioskEvents) as (keyof typeof kioskEvents)[]
