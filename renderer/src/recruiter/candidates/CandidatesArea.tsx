import { Route, Routes } from 'react-router-dom'
import { CandidateDetail } from './CandidateDetail'
import { ImportPanel } from './ImportPanel'
import { RankedList } from './RankedList'
import './candidates.css'

function AllCandidates() {
  return (
    <section aria-labelledby="candidates-title">
      <header className="page-header">
        <h1 id="candidates-title" tabIndex={-1}>
          Candidates
        </h1>
      </header>
      <p className="muted">Everyone imported, across jobs. Open a job to see its candidates ranked against it.</p>
      <ImportPanel />
      <RankedList />
    </section>
  )
}

/** The candidates area: everyone, and one candidate's detail. */
export function CandidatesArea() {
  return (
    <Routes>
      <Route index element={<AllCandidates />} />
      <Route path=":candidateId" element={<CandidateDetail />} />
    </Routes>
  )
}
