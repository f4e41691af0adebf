import { lazy, Suspense, type ReactNode } from 'react'
import { AreaLoading } from '../components/AreaLoading'

// Every area is its own chunk, fetched when first opened: the recruiter's first load carries the
// shell and the opened area only (the chart library alone would double it).
const JobsArea = lazy(() => import('./jobs/JobsArea').then((m) => ({ default: m.JobsArea })))
const CandidatesArea = lazy(() => import('./candidates/CandidatesArea').then((m) => ({ default: m.CandidatesArea })))
const InterviewsArea = lazy(() => import('./interviews/InterviewsArea').then((m) => ({ default: m.InterviewsArea })))
const QueuePage = lazy(() => import('./queue/QueuePage').then((m) => ({ default: m.QueuePage })))
const SettingsPage = lazy(() => import('./settings/SettingsPage').then((m) => ({ default: m.SettingsPage })))
const FairnessArea = lazy(() => import('./fairness/FairnessArea').then((m) => ({ default: m.FairnessArea })))
const CompareArea = lazy(() => import('./compare/CompareArea').then((m) => ({ default: m.CompareArea })))
const ReportArea = lazy(() => import('./report/ReportArea').then((m) => ({ default: m.ReportArea })))
const AnalyticsPage = lazy(() => import('./analytics/AnalyticsPage').then((m) => ({ default: m.AnalyticsPage })))
const BoardArea = lazy(() => import('./board/BoardArea').then((m) => ({ default: m.BoardArea })))
const WorkspaceArea = lazy(() => import('./workspace/WorkspaceArea').then((m) => ({ default: m.WorkspaceArea })))
const BillingPage = lazy(() => import('./billing/BillingPage').then((m) => ({ default: m.BillingPage })))
const ReviewArea = lazy(() => import('./review/ReviewArea').then((m) => ({ default: m.ReviewArea })))
const later = (element: ReactNode) => <Suspense fallback={<AreaLoading />}>{element}</Suspense>

export interface RecruiterRoute {
  /** Path under the recruiter shell, with react-router params; the first segment names the area. */
  path: string
  element: ReactNode
  /** Present for top-level areas shown in the navigation, in this order (Alt+1…9 jumps to them). */
  nav?: {
    label: string
    /** Shown only while signed in to a team workspace (it is about the workspace). */
    workspaceOnly?: boolean
  }
}

/**
 * Every recruiter screen. Each area adds its own entries here (one import and its lines); the shell
 * builds the navigation and the keyboard shortcuts from this list.
 */
export const recruiterRoutes: RecruiterRoute[] = [
  { path: 'jobs', element: later(<JobsArea />), nav: { label: 'Jobs' } },
  { path: 'candidates', element: later(<CandidatesArea />), nav: { label: 'Candidates' } },
  { path: 'interviews', element: later(<InterviewsArea />), nav: { label: 'Interviews' } },
  { path: 'analytics', element: later(<AnalyticsPage />), nav: { label: 'Analytics' } },
  { path: 'queue', element: later(<QueuePage />), nav: { label: 'Queue' } },
  { path: 'settings', element: later(<SettingsPage />), nav: { label: 'Settings' } },
  { path: 'workspace', element: later(<WorkspaceArea />), nav: { label: 'Team workspace' } },
  { path: 'billing', element: later(<BillingPage />), nav: { label: 'Billing', workspaceOnly: true } },
  { path: 'compare', element: later(<CompareArea />) },
  { path: 'reports', element: later(<ReportArea />) },
  { path: 'review', element: later(<ReviewArea />) },
  { path: 'fairness', element: later(<FairnessArea />) },
  { path: 'board', element: later(<BoardArea />) },
]
