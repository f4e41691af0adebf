import fs from 'node:fs'
import path from 'node:path'
import type { Kysely } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { Clock } from '../clock'
import { pathInside } from '../data-folder/inside'
import type { Database } from '../db/schema'
import type { Logger } from '../logger'
import { createChunkFile, type ChunkFile } from './chunk-file'
import type { InterviewRecordingsTable } from './tables'
import { createWavRecorder, repairWav, type WavRecorder } from './wav-file'
import type { OnRecordingFault } from './write-fault'

export const RECORDINGS_DIR = 'recordings'
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/

export interface AudioRecording {
  id: string
  /** Relative to the data folder; what answers and the review screen refer to. */
  relativePath: string
  recorder: WavRecorder
}

export interface VideoRecording {
  id: string
  relativePath: string
  file: ChunkFile
}

/** What one recording may hold, and who hears when it stops taking bytes early (a full disk, a cap). */
export interface AudioLimits {
  maxDataBytes?: number
  onFault?: OnRecordingFault
}
export interface VideoLimits {
  maxBytes?: number
  onFault?: OnRecordingFault
}

export interface RepairSummary {
  repaired: number
  unreadable: number
}

export interface RecordingsStore {
  startAudio(sessionId: string, turnIndex: number, sampleRate: number, limits?: AudioLimits): Promise<AudioRecording>
  startVideo(sessionId: string, turnIndex: number, limits?: VideoLimits): Promise<VideoRecording>
  /** Finishes the file and records its size; `answerId` links it to the saved answer. */
  completeAudio(recording: AudioRecording, answerId: string | null): Promise<{ durationMs: number; bytes: number }>
  completeVideo(recording: VideoRecording): Promise<void>
  /** Links recordings of a turn to the answer that was saved for it. */
  attachAnswer(recordingIds: string[], answerId: string): Promise<void>
  /**
   * Recordings a crash left open: headers patched from what is on disk, marked interrupted, kept.
   * Runs at start-up, before any new recording can begin.
   */
  repairInterrupted(): Promise<RepairSummary>
  list(sessionId: string): Promise<InterviewRecordingsTable[]>
  /** Bytes of the session's videos on disk now, finished or still growing. */
  videoBytes(sessionId: string): Promise<number>
  absolutePath(relativePath: string): string
}

export function createRecordingsStore(deps: {
  db: Kysely<Database>
  dataDir: string
  clock: Clock
  logger: Logger
}): RecordingsStore {
  const { db, clock, logger } = deps
  const root = path.resolve(deps.dataDir, RECORDINGS_DIR)

  const absolutePath = (relativePath: string) => {
    const resolved = pathInside(deps.dataDir, RECORDINGS_DIR, relativePath)
    if (!resolved) throw new Error('recording path outside the recordings folder')
    return resolved
  }

  const newFile = async (sessionId: string, turnIndex: number, extension: string) => {
    if (!SAFE_ID.test(sessionId)) throw new Error('invalid session id for a recording folder')
    const id = uuidv7()
    const dir = path.join(root, sessionId)
    await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 })
    // The id keeps a retake or a resumed answer from ever overwriting an earlier attempt.
    const name = `turn-${String(turnIndex).padStart(3, '0')}-${id.slice(-12)}.${extension}`
    return { id, absolute: path.join(dir, name), relativePath: [RECORDINGS_DIR, sessionId, name].join('/') }
  }

  /** A new recording's file name and row; the row comes first, so a crash right after still leaves a record to repair from. */
  const begin = async (sessionId: string, turnIndex: number, kind: 'audio' | 'video', sampleRate: number | null) => {
    const file = await newFile(sessionId, turnIndex, kind === 'audio' ? 'wav' : 'webm')
    await db
      .insertInto('interview_recordings')
      .values({
        id: file.id,
        session_id: sessionId,
        turn_index: turnIndex,
        kind,
        path: file.relativePath,
        status: 'recording',
        sample_rate: sampleRate,
        bytes: 0,
        duration_ms: null,
        answer_id: null,
        started_at: clock.now(),
        ended_at: null,
      })
      .execute()
    return file
  }

  return {
    absolutePath,

    async startAudio(sessionId, turnIndex, sampleRate, limits = {}) {
      const file = await begin(sessionId, turnIndex, 'audio', sampleRate)
      const recorder = createWavRecorder(file.absolute, sampleRate, limits)
      return { id: file.id, relativePath: file.relativePath, recorder }
    },

    async startVideo(sessionId, turnIndex, limits = {}) {
      const file = await begin(sessionId, turnIndex, 'video', null)
      return { id: file.id, relativePath: file.relativePath, file: createChunkFile(file.absolute, limits) }
    },

    async completeAudio(recording, answerId) {
      const result = await recording.recorder.finish()
      await db
        .updateTable('interview_recordings')
        .set({
          status: 'complete',
          bytes: result.bytes,
          duration_ms: result.durationMs,
          ended_at: clock.now(),
          ...(answerId ? { answer_id: answerId } : {}),
        })
        .where('id', '=', recording.id)
        .execute()
      return result
    },

    async completeVideo(recording) {
      const { bytes } = await recording.file.finish()
      await db
        .updateTable('interview_recordings')
        .set({ status: 'complete', bytes, ended_at: clock.now() })
        .where('id', '=', recording.id)
        .execute()
    },

    async attachAnswer(recordingIds, answerId) {
      if (!recordingIds.length) return
      await db
        .updateTable('interview_recordings')
        .set({ answer_id: answerId })
        .where('id', 'in', recordingIds)
        .execute()
    },

    async repairInterrupted() {
      const open = await db.selectFrom('interview_recordings').selectAll().where('status', '=', 'recording').execute()
      const summary: RepairSummary = { repaired: 0, unreadable: 0 }
      for (const row of open) {
        let file: string
        try {
          file = absolutePath(row.path)
        } catch {
          summary.unreadable += 1
          await db.updateTable('interview_recordings').set({ status: 'unreadable' }).where('id', '=', row.id).execute()
          continue
        }
        if (row.kind === 'video') {
          const bytes = fs.existsSync(file) ? fs.statSync(file).size : 0
          const status = bytes > 0 ? 'interrupted' : 'unreadable'
          summary[status === 'interrupted' ? 'repaired' : 'unreadable'] += 1
          await db.updateTable('interview_recordings').set({ status, bytes }).where('id', '=', row.id).execute()
          continue
        }
        const repair = repairWav(file)
        if (repair.outcome === 'unreadable') {
          summary.unreadable += 1
          logger.warn('interrupted recording could not be read', { recordingId: row.id, reason: repair.reason })
          await db.updateTable('interview_recordings').set({ status: 'unreadable' }).where('id', '=', row.id).execute()
          continue
        }
        summary.repaired += 1
        await db
          .updateTable('interview_recordings')
          .set({ status: 'interrupted', bytes: repair.bytes, duration_ms: repair.durationMs })
          .where('id', '=', row.id)
          .execute()
      }
      if (open.length) logger.info('recordings left open by an interruption were repaired', { ...summary })
      return summary
    },

    async videoBytes(sessionId) {
      const rows = await db
        .selectFrom('interview_recordings')
        .select('path')
        .where('session_id', '=', sessionId)
        .where('kind', '=', 'video')
        .execute()
      const sizes = await Promise.all(
        rows.map((row) =>
          fs.promises.stat(absolutePath(row.path)).then(
            (stat) => stat.size,
            () => 0,
          ),
        ),
      )
      return sizes.reduce((sum, size) => sum + size, 0)
    },

    list: (sessionId) =>
      db
        .selectFrom('interview_recordings')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('started_at')
        .orderBy('id')
        .execute(),
  }
}
