import { ErrorBoundary } from '../components/ErrorBoundary'
import { KioskShell } from '../kiosk/KioskShell'

/**
 * The candidate's page: one flow of steps kept in the kiosk's store, so no router; nothing of the
 * recruiter's app is part of it or downloaded by it.
 */
export function KioskApp() {
  return (
    <ErrorBoundary area="Panelist">
      <KioskShell />
    </ErrorBoundary>
  )
}
