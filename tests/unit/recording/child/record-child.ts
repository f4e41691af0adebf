/**
 * Records an answer in its own process until it is killed, for the crash test. argv: dataDir,
 * wavPath (the speech to "capture"). Says RECORDING with the file once a second of audio is written.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseWav } from '@core/audio/wav'
import { systemClock } from '@core/clock'
import { openDatabase } from '@core/db/open'
import { silentLogger } from '@core/logger'
import { createRecordingsStore } from '@core/recording/recordings-store'

async function main() {
  const [dataDir, speechPath] = process.argv.slice(2) as [string, string]
  const { db } = await openDatabase({
    file: path.join(dataDir, 'panelist.sqlite'),
    clock: systemClock,
    logger: silentLogger,
  })
  const store = createRecordingsStore({ db, dataDir, clock: systemClock, logger: silentLogger })
  const bytes = new Uint8Array(fs.readFileSync(speechPath))
  const wav = parseWav(bytes)!
  const pcm = bytes.subarray(wav.dataOffset, wav.dataOffset + wav.dataBytes)
  const recording = await store.startAudio('session-crash', 3, wav.sampleRate)
  // 20 ms chunks with an odd-sized one in the middle, as a socket might deliver them.
  const chunk = (wav.sampleRate / 50) * 2
  let at = 0
  let said = false
  const timer = setInterval(() => {
    const size = at === chunk * 10 ? chunk + 1 : chunk
    recording.recorder.write(pcm.subarray(at % pcm.byteLength, (at % pcm.byteLength) + size))
    at += size
    if (!said && recording.recorder.dataBytes >= wav.sampleRate * 2) {
      said = true
      process.stdout.write(
        `RECORDING ${JSON.stringify({ id: recording.id, path: recording.relativePath, bytes: recording.recorder.dataBytes })}\n`,
      )
    }
  }, 2)
  timer.ref()
}

void main()
