import { useEffect, useRef, useState, type ClipboardEvent, type FormEvent } from 'react'
import { reportPaste } from './useIntegrity'

/** "Answer in text instead": a typed answer, timed from the first key, with pasting reported. */
export function TextAnswer({
  token,
  turnIndex,
  onSend,
  onCancel,
}: {
  token: string
  turnIndex: number
  onSend(input: { text: string; typingMs: number; pastedChars: number }): Promise<void>
  onCancel(): void
}) {
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const firstKeyAt = useRef<number | null>(null)
  const pasted = useRef(0)
  const area = useRef<HTMLTextAreaElement>(null)

  useEffect(() => area.current?.focus(), [])

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const chars = event.clipboardData.getData('text').length
    if (!chars) return
    pasted.current += chars
    reportPaste(token, turnIndex, chars)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await onSend({
        text: text.trim(),
        typingMs: firstKeyAt.current === null ? 0 : Math.round(performance.now() - firstKeyAt.current),
        pastedChars: Math.min(pasted.current, 20_000),
      })
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
      setBusy(false)
    }
  }

  return (
    <form className="kiosk-text-answer" onSubmit={submit} aria-labelledby="kiosk-text-title">
      <h2 id="kiosk-text-title">Type your answer</h2>
      <label htmlFor="kiosk-text">Your answer</label>
      <textarea
        id="kiosk-text"
        ref={area}
        rows={6}
        value={text}
        maxLength={20_000}
        onChange={(event) => {
          firstKeyAt.current ??= performance.now()
          setText(event.target.value)
        }}
        onPaste={onPaste}
      />
      <div className="kiosk-actions">
        <button type="submit" disabled={busy || !text.trim()}>
          Send my answer
        </button>
        <button type="button" className="kiosk-secondary" onClick={onCancel} disabled={busy}>
          Answer by voice instead
        </button>
      </div>
      {error && (
        <p role="alert" className="kiosk-error">
          {error}
        </p>
      )}
    </form>
  )
}
