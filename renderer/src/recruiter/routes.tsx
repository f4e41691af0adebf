import type { ReactNode } from 'react'
import { CandidatesArea } from './candidates/CandidatesArea'
import { CompareArea } from './compare/CompareArea'
import { InterviewsArea } from './interviews/InterviewsArea'
import { JobsArea } from './jobs/JobsArea'
import { QueuePage } from './queue/QueuePage'
import { ReportArea } from './report/ReportArea'
import { ReviewArea } from './review/ReviewArea'
import { SettingsPage } from './settings/SettingsPage'

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
  { path: 'compare', element: <CompareArea /> },
  { path: 'reports', element: <ReportArea /> },
  { path: 'review', element: <ReviewArea /> },
]
