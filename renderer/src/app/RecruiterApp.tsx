import { useEffect } from 'react'
import { HashRouter } from 'react-router-dom'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { RecruiterShell } from '../recruiter/RecruiterShell'
import { useRecruiterStore } from '../store/store'
import { useTheme } from './useTheme'

function Recruiter() {
  const preferences = useRecruiterStore((s) => s.preferences)
  const load = useRecruiterStore((s) => s.loadSettings)
  useEffect(() => void load(), [load])
  useTheme(preferences?.theme)
  return <RecruiterShell />
}

/** The recruiter's page: the shell, its areas loaded as they are opened (see recruiter/routes.tsx). */
export function RecruiterApp() {
  return (
    <ErrorBoundary area="Panelist">
      <HashRouter>
        <Recruiter />
      </HashRouter>
    </ErrorBoundary>
  )
}
