import { z } from 'zod'
import { request } from './define'

/**
 * Exports a recruiter downloads: a job's pipeline as CSV and a candidate as JSON Resume. Each
 * returns the file's text and a suggested file name; the window saves it (a Blob link), so the core
 * never writes outside its data folder.
 */

const id = z.string().min(1).max(64)

export interface ExportedFile {
  fileName: string
  mediaType: 'text/csv' | 'application/json'
  text: string
}

export const exportRequests = {
  'exports.pipelineCsv': request<ExportedFile>()(z.object({ jobId: id }).strict()),
  'exports.jsonResume': request<ExportedFile>()(z.object({ candidateId: id }).strict()),
}
