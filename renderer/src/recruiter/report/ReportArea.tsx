import { Route, Routes } from 'react-router-dom'
import { ReportPage } from './ReportPage'

/** Printable assessment reports, one per interview. */
export function ReportArea() {
  return (
    <Routes>
      <Route path=":sessionId" element={<ReportPage />} />
    </Routes>
  )
}
