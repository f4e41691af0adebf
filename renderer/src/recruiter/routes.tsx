import { lazy, Suspense, type ReactNode } from 'react'
import { CandidatesArea } from './candidates/CandidatesArea'
import { InterviewsArea } from './interviews/InterviewsArea'
import { JobsArea } from './jobs/JobsArea'
import { QueuePage } from './queue/QueuePage'
import { SettingsPage } from './settings/SettingsPage'

// Loaded when first opened: the chart library alone would otherwise double what every window
// (the candidate's kiosk included) loads at start.
const FairnessArea = lazy(() => import('./fairness/FairnessArea').then((m) => ({ default: m.FairnessArea })))
const CompareArea = lazy(() => import('./compare/CompareArea').then((m) => ({ default: m.CompareArea })))
const ReportArea = lazy(() => import('./report/ReportArea').then((m) => ({ default: m.ReportArea })))
const ReviewArea = lazy(() => import('./review/ReviewArea').then((m) => ({ default: m.ReviewArea })))
const later = (element: ReactNode) => (
  <Suspense
    fallback={
      <p className="muted" role="status">
        Loading…
      </p>
    }
  >
    {element}
  </Suspense>
)

export interface RecruiterRoute {
  /** Path under the recruiter shell, with react-router params; the first segment names the area. */
  path: string
  element: ReactNode
  /** Present for top-level areas shown in the navigation, in this order (Alt+1…9 jumps to them). */
  nav?: { label: string }
}

/**
 * Every recruiter screen. Each area adds its own entries here (one import and its lines); the shell
 * builds the navigation and the keyboard shortcuts from this list.
 */
export const recruiterRoutes: RecruiterRoute[] = [
  { path: 'jobs', element: <JobsArea />, nav: { label: 'Jobs' } },
  { path: 'candidates', element: <CandidatesArea />, nav: { label: 'Candidates' } },
  { path: 'interviews', element: <InterviewsArea />, nav: { label: 'Interviews' } },
  { path: 'queue', element: <QueuePage />, nav: { label: 'Queue' } },
  { path: 'settings', element: <SettingsPage />, nav: { label: 'Settings' } },
  { path: 'compare', element: later(<CompareArea />) },
  { path: 'reports', element: later(<ReportArea />) },
  { path: 'review', element: later(<ReviewArea />) },
  { path: 'fairness', element: later(<FairnessArea />) },
]
