/**
 * Which app this page runs: the web host marks the kiosk's page with a meta tag, Electron's kiosk
 * window opens the page at #/kiosk. Decided once at load, before either app's code is fetched.
 */
export function pageAudience(): 'kiosk' | 'recruiter' {
  const marked = document.querySelector('meta[name="panelist-audience"]')?.getAttribute('content')
  return marked === 'kiosk' || location.hash.startsWith('#/kiosk') ? 'kiosk' : 'recruiter'
}
