import { Route, Routes } from 'react-router-dom'
import { BoardPage } from './BoardPage'

/** A job's pipeline board, reached from the job's page. */
export function BoardArea() {
  return (
    <Routes>
      <Route path=":jobId" element={<BoardPage />} />
    </Routes>
  )
}
