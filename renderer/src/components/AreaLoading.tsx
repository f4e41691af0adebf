/** What a screen shows while its code arrives: announced once to screen readers, not a bare spinner. */
export function AreaLoading() {
  return (
    <p className="muted" role="status">
      Loading…
    </p>
  )
}
