import { useEffect, useMemo, useRef } from 'react'
import { NavLink, Navigate, Route, Routes, useNavigate } from 'react-router-dom'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { useRecruiterStore } from '../store/store'
import { AppNotice } from './AppNotice'
import { OpenedFiles } from './candidates/OpenedFiles'
import { UpdateReadyBanner } from './settings/UpdatesSection'
import { QueuePanel } from './queue/QueuePanel'
import { recruiterRoutes, type RecruiterRoute } from './routes'
import { useFocusOnNavigate, usePageTitle } from './usePageHeading'
import { SyncIndicator } from './workspace/SyncIndicator'
import { useSyncStatus } from './workspace/useSyncStatus'

const navRoutes = recruiterRoutes.filter((route) => route.nav)

/** Alt+1…9 jumps between areas, as a recruiter living on the keyboard expects. */
function useAreaShortcuts(navRoutes: readonly RecruiterRoute[]) {
  const navigate = useNavigate()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return
      const index = Number(event.key) - 1
      const route = navRoutes[index]
      if (route) {
        event.preventDefault()
        navigate(`/${route.path}`)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [navigate, navRoutes])
}

export function RecruiterShell() {
  const main = useRef<HTMLElement>(null)
  const load = useRecruiterStore((s) => s.loadQueue)
  const follow = useRecruiterStore((s) => s.followQueue)
  useEffect(() => {
    const off = follow()
    void load()
    return off
  }, [load, follow])
  const [sync] = useSyncStatus()
  const inWorkspace = Boolean(sync?.account && sync.workspace)
  const shown = useMemo(() => navRoutes.filter((r) => inWorkspace || !r.nav!.workspaceOnly), [inWorkspace])
  useAreaShortcuts(shown)
  useFocusOnNavigate(main)
  usePageTitle(main)
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Areas">
        <div className="brand">Panelist</div>
        <ul>
          {shown.map((route, index) => (
            <li key={route.path}>
              <NavLink to={`/${route.path}`} title={`${route.nav!.label} (Alt+${index + 1})`}>
                {route.nav!.label}
              </NavLink>
            </li>
          ))}
        </ul>
        <QueuePanel />
        <SyncIndicator />
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        <AppNotice onRestarted={load} />
        <UpdateReadyBanner />
        <OpenedFiles />
        <ErrorBoundary area="This page">
          <Routes>
            {recruiterRoutes.map((route) => (
              <Route key={route.path} path={`/${route.path}/*`} element={route.element} />
            ))}
            <Route path="*" element={<Navigate to="/jobs" replace />} />
          </Routes>
        </ErrorBoundary>
      </main>
    </div>
  )
}
