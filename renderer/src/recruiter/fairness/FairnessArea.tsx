import { Route, Routes } from 'react-router-dom'
import { FairnessPage } from './FairnessPage'

/** The adverse-impact report of a job, reached from the job's page. */
export function FairnessArea() {
  return (
    <Routes>
      <Route path=":jobId" element={<FairnessPage />} />
    </Routes>
  )
}
