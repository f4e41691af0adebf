/** Consecutive answers from the page's own address before the kiosk reloads. */
const HEALTHY_PROBES = 2

/**
 * In a browser on the web host, a restarted host serves the kiosk with a new token, so the old
 * page can never reconnect. While the link is down, this asks the host for the kiosk page once a
 * second; once the host answers again (and the link is still down) the page reloads, and the
 * interview resumes from the session kept in sessionStorage. In Electron the bridge never drops.
 */
export function reloadWhenHostIsBack(): () => void {
  if (window.studio) return () => {}
  let healthy = 0
  const timer = setInterval(() => {
    fetch(location.pathname + location.search, { cache: 'no-store' }).then(
      (response) => {
        healthy = response.ok ? healthy + 1 : 0
        if (healthy >= HEALTHY_PROBES) location.reload()
      },
      () => (healthy = 0),
    )
  }, 1000)
  return () => clearInterval(timer)
}
