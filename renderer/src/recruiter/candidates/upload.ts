import { bytesToBase64 } from '../../../../shared/base64'
import {
  MAX_FILES_PER_UPLOAD,
  MAX_RESUME_BYTES,
  MAX_UPLOAD_REQUEST_BYTES,
  type IntakeBatchView,
} from '../../../../shared/contract/screening'
import { call } from '../../api/client'

/** Files a recruiter dropped: plain files as they are, folders walked (hidden entries skipped). */
export async function filesFromDrop(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e)
  if (!entries.length) return [...transfer.files]
  const out: File[] = []
  const visit = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.name.startsWith('.')) return
    if (entry.isFile) {
      out.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)))
      return
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader()
    // readEntries returns the folder in pieces; it is done when it returns none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
      if (!batch.length) break
      for (const child of batch) await visit(child)
    }
  }
  for (const entry of entries) await visit(entry)
  return out
}

export const visibleFiles = (files: readonly File[]) => files.filter((f) => !f.name.startsWith('.'))

/** Splits a selection into requests the host accepts: a bounded number of files and bytes each. */
export function uploadGroups(files: readonly File[]): File[][] {
  const groups: File[][] = []
  let current: File[] = []
  let bytes = 0
  for (const file of files) {
    const size = file.size <= MAX_RESUME_BYTES ? file.size : 0
    if (current.length && (current.length >= MAX_FILES_PER_UPLOAD || bytes + size > MAX_UPLOAD_REQUEST_BYTES)) {
      groups.push(current)
      current = []
      bytes = 0
    }
    current.push(file)
    bytes += size
  }
  if (current.length) groups.push(current)
  return groups
}

/** Sends one group as one import batch; a file over the limit goes without its bytes and is refused by name. */
export async function uploadGroup(files: readonly File[], jobId: string | undefined): Promise<IntakeBatchView> {
  const payload = await Promise.all(
    files.map(async (file) => ({
      name: file.name,
      size: file.size,
      lastModified: Math.max(0, Math.round(file.lastModified)),
      ...(file.size <= MAX_RESUME_BYTES ? { base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) } : {}),
    })),
  )
  return call('intake.importFiles', { jobId, files: payload })
}
