import fs from 'node:fs'
import path from 'node:path'
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../data-folder/private-modes'

/** Writes through a temporary file and a rename so a crash never leaves a half-written file. */
export function writeFileAtomic(file: string, data: string | Buffer, mode = PRIVATE_FILE): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_FOLDER })
  const tmp = `${file}.${process.pid}.tmp`
  const fd = fs.openSync(tmp, 'w', mode)
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tmp, file)
}

export function readFileIfExists(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
