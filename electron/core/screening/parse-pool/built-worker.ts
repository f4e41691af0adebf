/**
 * The parse worker's entry in the build (electron-vite entry `parse-worker` → out/main/parse-worker.js),
 * one per thread of the parse pool. It loads nothing but the chunk loader before the reader, so the
 * reader's code (chunks of the build, pdf.js among them) is read by it, and compiles through the code
 * cache when the pool gives it a folder. From source, worker.ts is the entry.
 */
import path from 'node:path'
import { workerData } from 'node:worker_threads'
import { installChunkLoader, privateCacheDir } from './code-cache'
import type { ParseWorkerData } from './protocol'

const data = workerData as ParseWorkerData
const { codeCacheDir } = data
const dir = codeCacheDir ? privateCacheDir(codeCacheDir) : null
// Only the build's own chunks, beside this entry.
const chunks = path.join(__dirname, 'chunks') + path.sep
const cache = installChunkLoader(dir, (file) => file.startsWith(chunks) && file.endsWith('.js'))
void import('./reader-thread').then(({ runReaderThread }) =>
  runReaderThread(data, dir ? () => cache.save() : undefined),
)
