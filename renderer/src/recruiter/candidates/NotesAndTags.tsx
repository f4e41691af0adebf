import { useState, type FormEvent } from 'react'
import type { NoteView } from '../../../../shared/contract/screening'
import { call, describeError } from '../../api/client'
import { ErrorText } from '../../components/ErrorText'

export function Notes({
  candidateId,
  jobId,
  notes,
  onAdded,
}: {
  candidateId: string
  jobId?: string
  notes: NoteView[]
  onAdded: () => void
}) {
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | null>(null)
  const add = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await call('candidates.addNote', { candidateId, jobId, body })
      setBody('')
      setError(null)
      onAdded()
    } catch (e) {
      setError(describeError(e))
    }
  }
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      <form onSubmit={add} className="field">
        <label htmlFor="note-body">Add a note</label>
        <textarea id="note-body" rows={3} value={body} onChange={(e) => setBody(e.target.value)} maxLength={10000} />
        <div>
          <button type="submit" disabled={!body.trim()}>
            Add note
          </button>
        </div>
      </form>
      <ErrorText error={error} />
      {notes.length === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <ul className="notes" data-testid="notes">
          {notes.map((note) => (
            <li key={note.id}>
              <p>{note.body}</p>
              <span className="muted">{new Date(note.createdAt).toLocaleString()}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function Tags({ candidateId, tags, onChange }: { candidateId: string; tags: string[]; onChange: () => void }) {
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  const save = async (next: string[]) => {
    try {
      await call('candidates.setTags', { candidateId, tags: next })
      setError(null)
      onChange()
    } catch (e) {
      setError(describeError(e))
    }
  }
  const add = async (event: FormEvent) => {
    event.preventDefault()
    const tag = draft.trim()
    if (!tag) return
    setDraft('')
    await save([...tags, tag])
  }
  return (
    <div className="tags-editor">
      <ul className="tags" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button
              type="button"
              className="link"
              aria-label={`Remove tag ${tag}`}
              onClick={() => save(tags.filter((t) => t !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="row">
        <label htmlFor="new-tag" className="visually-hidden">
          New tag
        </label>
        <input
          id="new-tag"
          value={draft}
          maxLength={40}
          placeholder="Add a tag"
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="secondary" disabled={!draft.trim()}>
          Add tag
        </button>
      </form>
      <ErrorText error={error} />
    </div>
  )
}
