import { Route, Routes } from 'react-router-dom'
import './compare.css'
import { ComparePage } from './ComparePage'

/** Side-by-side comparison of a job's assessed candidates, reached from the job's page. */
export function CompareArea() {
  return (
    <Routes>
      <Route path=":jobId" element={<ComparePage />} />
    </Routes>
  )
}
