import { useEffect } from 'react'
import { HashRouter, Route, Routes } from 'react-router-dom'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { KioskShell } from '../kiosk/KioskShell'
import { RecruiterShell } from '../recruiter/RecruiterShell'
import { useRecruiterStore } from '../store/store'
import { useTheme } from './useTheme'

/** The kiosk build of the page (Electron's kiosk window, the web host's /kiosk) never mounts the recruiter shell. */
const isKiosk = () => document.querySelector('meta[name="panelist-audience"]')?.getAttribute('content') === 'kiosk'

function Recruiter() {
  const preferences = useRecruiterStore((s) => s.preferences)
  const load = useRecruiterStore((s) => s.loadSettings)
  useEffect(() => void load(), [load])
  useTheme(preferences?.theme)
  return <RecruiterShell />
}

export function App() {
  const kiosk = isKiosk() || location.hash.startsWith('#/kiosk')
  return (
    <ErrorBoundary area="Panelist">
      <HashRouter>
        <Routes>
          <Route path="/kiosk/*" element={<KioskShell />} />
          <Route path="/*" element={kiosk ? <KioskShell /> : <Recruiter />} />
        </Routes>
      </HashRouter>
    </ErrorBoundary>
  )
}
