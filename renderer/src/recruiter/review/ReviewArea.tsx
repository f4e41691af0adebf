import { Route, Routes } from 'react-router-dom'
import './review.css'
import { ReviewPage } from './ReviewPage'

/** The review of one finished interview, reached from its session page. */
export function ReviewArea() {
  return (
    <Routes>
      <Route path=":sessionId" element={<ReviewPage />} />
    </Routes>
  )
}
