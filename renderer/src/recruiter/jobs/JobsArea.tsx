import { Route, Routes } from 'react-router-dom'
import { CandidateDetail } from '../candidates/CandidateDetail'
import '../candidates/candidates.css'
import { JobForm } from './JobForm'
import { JobList } from './JobList'
import { JobPage } from './JobPage'

/** The jobs area: the list, a form for new and edited jobs, and each job with its ranked candidates. */
export function JobsArea() {
  return (
    <Routes>
      <Route index element={<JobList />} />
      <Route path="new" element={<JobForm />} />
      <Route path=":jobId" element={<JobPage />} />
      <Route path=":jobId/edit" element={<JobForm />} />
      <Route path=":jobId/candidates/:candidateId" element={<CandidateDetail />} />
    </Routes>
  )
}
