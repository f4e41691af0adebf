/** The interview flow; the kiosk area replaces this with code entry → consent → devices → interview. */
export function KioskFlow() {
  return (
    <main className="kiosk-main">
      <h1>Welcome</h1>
      <p>The interview kiosk is being prepared. Please ask the recruiter for help.</p>
    </main>
  )
}
