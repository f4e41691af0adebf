import { useEffect } from 'react'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { KioskFlow } from './KioskFlow'

/** The candidate's side: large type, high contrast, nothing of the recruiter's reachable. */
export function KioskShell() {
  useEffect(() => {
    document.title = 'Your interview · Panelist'
  }, [])
  return (
    <div className="kiosk" data-theme="kiosk">
      <ErrorBoundary area="The interview screen">
        <KioskFlow />
      </ErrorBoundary>
    </div>
  )
}
