import type { ReactNode } from 'react'
import { ErrorText } from './ErrorText'

/** A page whose data has not arrived: its heading, then the error or a loading note, then any way back. */
export function PageLoading({ title, error, children }: { title: string; error: string | null; children?: ReactNode }) {
  return (
    <section>
      <h1 tabIndex={-1}>{title}</h1>
      {error ? <ErrorText error={error} /> : <p className="muted">Loading…</p>}
      {children}
    </section>
  )
}
