import { StrictMode, type ComponentType } from 'react'
import { createRoot } from 'react-dom/client'
import { pageAudience } from './app/audience'
import './styles.css'

// Each audience's app is its own chunk: the candidate's kiosk never downloads the recruiter's code.
const loadApp: Promise<ComponentType> =
  pageAudience() === 'kiosk'
    ? import('./app/KioskApp').then((m) => m.KioskApp)
    : import('./app/RecruiterApp').then((m) => m.RecruiterApp)

void loadApp.then((App) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
