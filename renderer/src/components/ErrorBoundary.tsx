import { Component, type ErrorInfo, type ReactNode } from 'react'
import { call } from '../api/client'

interface Props {
  children: ReactNode
  /** Shown in the fallback so the user knows which part failed. */
  area: string
}

interface State {
  error: Error | null
}

/** Catches a render failure in one area, reports it, and lets the user try again without a reload. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    const stack = `${error.stack ?? ''}\n${info.componentStack ?? ''}`.slice(0, 8000)
    // Reporting must never throw from inside the boundary: a lost report is better than a blank screen.
    void call('app.reportError', {
      area: this.props.area.slice(0, 200),
      message: error.message.slice(0, 2000),
      stack,
    }).catch(() => {})
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children
    return (
      <div role="alert" className="error-panel">
        <h2>{this.props.area} hit a problem</h2>
        <p>{this.state.error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    )
  }
}
