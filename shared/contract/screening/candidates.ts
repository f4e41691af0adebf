import { z } from 'zod'
import { request } from '../define'
import { id } from './fields'
import type { ApplicationView, CandidateDetail, CandidateList, NoteView, RerankSummary } from './views'

/** The candidate pipeline: ranked lists, a candidate's evidence, statuses, notes and tags. */

export const pipelineStatusSchema = z.enum([
  'new',
  'screened',
  'shortlisted',
  'maybe',
  'rejected',
  'interviewing',
  'offer',
  'hired',
  'withdrawn',
])
export type PipelineStatus = z.infer<typeof pipelineStatusSchema>

export const candidateSortSchema = z.enum(['score', 'semantic', 'name', 'years', 'imported', 'status'])

export const candidateListInputSchema = z
  .object({
    jobId: id.optional(),
    statuses: z.array(pipelineStatusSchema).max(9).optional(),
    minScore: z.number().min(0).max(100).optional(),
    skills: z.array(z.string().min(1).max(80)).max(20).optional(),
    minYears: z.number().min(0).max(60).optional(),
    tag: z.string().trim().min(1).max(40).optional(),
    search: z.string().trim().max(100).optional(),
    sort: candidateSortSchema.default('score'),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict()

const tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\n\r\t]+$/, 'A tag is one line')

export const candidateRequests = {
  'candidates.list': request<CandidateList>()(candidateListInputSchema),
  'candidates.get': request<CandidateDetail>()(z.object({ candidateId: id, jobId: id.optional() }).strict()),
  'candidates.setStatus': request<ApplicationView>()(
    z.object({ applicationId: id, status: pipelineStatusSchema }).strict(),
  ),
  'candidates.undoStatus': request<ApplicationView>()(z.object({ applicationId: id }).strict()),
  'candidates.addNote': request<NoteView>()(
    z.object({ candidateId: id, jobId: id.optional(), body: z.string().trim().min(1).max(10_000) }).strict(),
  ),
  'candidates.setTags': request<string[]>()(z.object({ candidateId: id, tags: z.array(tag).max(30) }).strict()),
  'candidates.addToJob': request<{ added: number; rerank: RerankSummary }>()(
    z.object({ jobId: id, candidateIds: z.array(id).min(1).max(10_000) }).strict(),
  ),
}
