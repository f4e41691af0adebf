import { lazy, Suspense, useEffect } from 'react'
import { call, StudioRequestError } from '../api/client'
import { CodeEntry } from './CodeEntry'
import { AlternativeRequested, Consent } from './Consent'
import { DeviceCheck } from './DeviceCheck'
import { useKiosk, type KioskStep } from './kiosk-store'
import { Exited, RecruiterExit } from './RecruiterExit'
import { Resume } from './Resume'
import { clearSavedSession, loadSavedSession } from './saved-session'
import { useIntegrity } from './useIntegrity'
import './kiosk.css'

// The practice, interview and end steps bring the recorder, the voice link and the contract's
// schemas: fetched once a session starts (see below), so the code entry screen loads without them.
const loadPractice = () => import('./Practice')
const loadInterviewScreen = () => import('./InterviewScreen')
const loadDone = () => import('./Done')
const Done = lazy(() => loadDone().then((m) => ({ default: m.Done })))
const Practice = lazy(() => loadPractice().then((m) => ({ default: m.Practice })))
const InterviewScreen = lazy(() => loadInterviewScreen().then((m) => ({ default: m.InterviewScreen })))

/** Steps during which the candidate is being observed for integrity signals (after consent). */
const OBSERVED: ReadonlySet<KioskStep> = new Set(['devices', 'practice', 'interview'])

/**
 * The candidate's path: code → welcome and consent → device check → practice question →
 * interview → done. A session kept in sessionStorage resumes at the same question after a reload
 * or a restart of the studio.
 */
export function KioskFlow() {
  const step = useKiosk((s) => s.step)
  const token = useKiosk((s) => s.session?.token)
  const turnIndex = useKiosk((s) => s.turn?.question?.turnIndex ?? null)

  useIntegrity(OBSERVED.has(step) ? token : undefined, turnIndex)

  // Warmed while the candidate reads the consent and checks devices, so the later steps open at once.
  useEffect(() => {
    if (!token) return
    void loadPractice()
    void loadInterviewScreen()
    void loadDone()
  }, [token])

  useEffect(() => {
    const saved = loadSavedSession()
    const { setSession, setTurn, go } = useKiosk.getState()
    if (!saved) return go('code')
    let stopped = false
    const resume = () =>
      call('interview.turn', { token: saved.token }).then(
        (turn) => {
          setSession(saved)
          setTurn(turn)
          go(turn.status === 'in_progress' ? 'resume' : 'done')
        },
        (error: unknown) => {
          if (stopped) return
          // Only a refused token sends the candidate back to the code; anything else is retried.
          if (error instanceof StudioRequestError && (error.code === 'forbidden' || error.code === 'not_found')) {
            clearSavedSession()
            go('code')
          } else {
            setTimeout(() => void resume(), 1000)
          }
        },
      )
    void resume()
    return () => {
      stopped = true
    }
  }, [])

  return (
    <div className="kiosk-flow">
      <Step step={step} />
      {step !== 'exited' && <RecruiterExit />}
    </div>
  )
}

function Step({ step }: { step: KioskStep }) {
  switch (step) {
    case 'loading':
      return <StepLoading />
    case 'code':
      return <CodeEntry />
    case 'resume':
      return <Resume />
    case 'consent':
      return <Consent />
    case 'alternative':
      return <AlternativeRequested />
    case 'devices':
      return <DeviceCheck />
    case 'practice':
      return (
        <Suspense fallback={<StepLoading />}>
          <Practice />
        </Suspense>
      )
    case 'interview':
      return (
        <Suspense fallback={<StepLoading />}>
          <InterviewScreen />
        </Suspense>
      )
    case 'done':
      return (
        <Suspense fallback={<StepLoading />}>
          <Done />
        </Suspense>
      )
    case 'exited':
      return <Exited />
  }
}

function StepLoading() {
  return (
    <main className="kiosk-main kiosk-centre">
      <p role="status">Loading…</p>
    </main>
  )
}
