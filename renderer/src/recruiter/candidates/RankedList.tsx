import { useState } from 'react'
import type { CandidateRow, JobSkill, PipelineStatus } from '../../../../shared/contract/screening'
import { call, describeError } from '../../api/client'
import { EmptyState } from '../../components/EmptyState'
import { InviteToInterview } from '../interviews/InviteToInterview'
import { AddToJob } from './AddToJob'
import { CandidateFilters, type CandidateFilterValues } from './CandidateFilters'
import { CandidatePages } from './CandidatePages'
import { CandidateTable } from './CandidateTable'
import { useCandidateList, type ListQuery } from './useCandidateList'
import { ErrorText } from '../../components/ErrorText'

const PAGE = 100

function listQuery(filters: CandidateFilterValues, page: number, jobId: string | undefined): ListQuery {
  const { minScore, minYears, status, skill, search, sort } = filters
  return {
    jobId,
    sort,
    limit: PAGE,
    offset: page * PAGE,
    ...(minScore !== '' && Number.isFinite(Number(minScore))
      ? { minScore: Math.min(100, Math.max(0, Number(minScore))) }
      : {}),
    ...(minYears !== '' && Number.isFinite(Number(minYears)) ? { minYears: Math.max(0, Number(minYears)) } : {}),
    ...(status ? { statuses: [status] } : {}),
    ...(skill ? { skills: [skill] } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
  }
}

/**
 * Candidates for one job, best first, with filters and sort; or every candidate when no job is given.
 * A row's name is a link (Enter opens it); its status can be changed in place.
 */
export function RankedList({ jobId, skills = [] }: { jobId?: string; skills?: JobSkill[] }) {
  const [filters, setFilters] = useState<CandidateFilterValues>({
    search: '',
    minScore: '',
    minYears: '',
    status: '',
    skill: '',
    sort: jobId ? 'score' : 'imported',
  })
  const [page, setPage] = useState(0)
  const [actionError, setActionError] = useState<string | null>(null)
  /** A filter or sort change starts again from the first page. */
  const refine = (patch: Partial<CandidateFilterValues>) => {
    setFilters((current) => ({ ...current, ...patch }))
    setPage(0)
  }

  const { list, error, reload, importing } = useCandidateList(listQuery(filters, page, jobId))

  const changeStatus = async (row: CandidateRow, next: PipelineStatus) => {
    if (!row.applicationId) return
    try {
      await call('candidates.setStatus', { applicationId: row.applicationId, status: next })
      setActionError(null)
      reload()
    } catch (e) {
      setActionError(describeError(e))
    }
  }

  const { minScore, minYears, status, skill, search } = filters
  return (
    <section className="ranked-list" aria-labelledby="ranked-title">
      <h2 id="ranked-title">{jobId ? 'Ranked candidates' : 'All candidates'}</h2>
      <CandidateFilters values={filters} onChange={refine} forJob={!!jobId} skills={skills} />
      <ErrorText error={error ?? actionError} />
      {list && list.total === 0 && (
        <EmptyState
          title={
            minScore || minYears || status || skill || search
              ? 'No candidate matches these filters'
              : importing
                ? 'Reading resumes…'
                : 'No candidates yet'
          }
        >
          {importing
            ? 'Candidates appear here as each resume is read and ranked.'
            : jobId
              ? 'Import resumes above; they are ranked against this job as they arrive.'
              : 'Import resumes above to start.'}
        </EmptyState>
      )}
      {list && list.total > 0 && (
        <>
          <p className="muted" data-testid="candidate-total">
            {list.total} candidate{list.total === 1 ? '' : 's'}
          </p>
          <CandidateTable
            rows={list.items}
            jobId={jobId}
            firstRank={page * PAGE + 1}
            onStatusChange={changeStatus}
            rowActions={
              jobId
                ? (row) => <InviteToInterview candidate={{ id: row.candidateId, name: row.name }} job={{ id: jobId }} />
                : undefined
            }
          />
          {!jobId && (
            <AddToJob
              candidateIds={list.items.map((row) => row.candidateId)}
              label={`Add the ${list.items.length} shown to a job:`}
            />
          )}
          {list.total > PAGE && (
            <CandidatePages
              page={page}
              pageSize={PAGE}
              shown={list.items.length}
              total={list.total}
              onMove={(by) => setPage((p) => p + by)}
            />
          )}
        </>
      )}
    </section>
  )
}
