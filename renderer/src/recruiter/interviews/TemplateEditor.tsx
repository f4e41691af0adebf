import { useCallback, useEffect, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import {
  ANSWER_SILENCE_CHOICES,
  type InvitationView,
  type QuestionView,
  type TemplateDetail,
  type TemplateSettings,
} from '../../../../shared/contract/interviews'
import { call, describeError, StudioRequestError } from '../../api/client'
import { GenerateDialog } from './GenerateDialog'
import { InvitationForm } from './InvitationForm'
import { InvitationTable } from './InvitationTable'
import { formatTime, TEMPLATE_STATUS_LABELS } from './labels'
import { QuestionForm, type QuestionFields } from './QuestionForm'
import { QuestionList } from './QuestionList'
import { useJobOptions } from './useJobOptions'
import { PageLoading } from '../../components/PageLoading'
import { ErrorText } from '../../components/ErrorText'

type Editing = { kind: 'new' } | { kind: 'edit'; question: QuestionView } | null

/** One template: its details and limits, its questions in order, publishing, and its invitations. */
export function TemplateEditor() {
  const { templateId = '' } = useParams()
  const navigate = useNavigate()
  const jobs = useJobOptions()
  const [template, setTemplate] = useState<TemplateDetail | null>(null)
  const [editing, setEditing] = useState<Editing>(null)
  const [generating, setGenerating] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [problems, setProblems] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const [invitations, setInvitations] = useState<InvitationView[]>([])

  const run = useCallback(async (work: () => Promise<TemplateDetail>) => {
    setError(null)
    try {
      setTemplate(await work())
      setProblems([])
    } catch (e) {
      if (e instanceof StudioRequestError && e.code === 'invalid_input' && e.issues.length) setProblems(e.issues)
      else setError(describeError(e))
    }
  }, [])

  useEffect(() => {
    let live = true
    call('templates.get', { id: templateId })
      .then((detail) => live && setTemplate(detail))
      .catch((e: unknown) => live && setError(describeError(e)))
    return () => {
      live = false
    }
  }, [templateId])

  useEffect(() => {
    if (template?.status !== 'active' && template?.status !== 'archived') return
    call('invitations.list', { templateId, status: 'all' })
      .then(setInvitations)
      .catch((e: unknown) => setError(describeError(e)))
  }, [templateId, template?.status])

  if (!template) {
    return <PageLoading title="Interview template" error={error} />
  }

  const draft = template.status === 'draft'
  const saveDetails = (patch: {
    name?: string
    description?: string
    jobId?: string | null
    settings?: Partial<TemplateSettings>
  }) => run(() => call('templates.update', { id: template.id, patch }))
  const saveQuestion = async (fields: QuestionFields) => {
    if (editing?.kind === 'edit') await run(() => call('questions.update', { id: editing.question.id, patch: fields }))
    else await run(() => call('questions.add', { templateId: template.id, question: fields }))
    setEditing(null)
  }
  const reorder = (order: string[]) => {
    const byId = new Map(template.questions.map((q) => [q.id, q]))
    setTemplate({ ...template, questions: order.map((id, position) => ({ ...byId.get(id)!, position })) })
    call('questions.reorder', { templateId: template.id, order }).then(setTemplate, (e: unknown) => {
      // The optimistic order is wrong now; show the error and the order the studio really has.
      setError(describeError(e))
      void call('templates.get', { id: template.id }).then(setTemplate)
    })
  }
  const remove = (question: QuestionView) => {
    if (window.confirm(`Remove “${question.text.slice(0, 80)}”?`))
      void run(() => call('questions.remove', { id: question.id }))
  }
  const duplicate = async () => {
    try {
      const copy = await call('templates.duplicate', { id: template.id })
      navigate(`/interviews/templates/${copy.id}`)
    } catch (e) {
      setError(describeError(e))
    }
  }

  return (
    <section aria-labelledby="template-title">
      <p>
        <Link to="/interviews">← All templates</Link>
      </p>
      <header className="page-header">
        <h1 id="template-title" tabIndex={-1}>
          {template.name}
        </h1>
        <span className="status">
          {TEMPLATE_STATUS_LABELS[template.status]}
          {template.version > 0 ? ` · v${template.version}, published ${formatTime(template.publishedAt)}` : ''}
        </span>
      </header>

      <ErrorText error={error} />
      {problems.length > 0 && (
        <div className="problems" role="alert">
          <p>This template cannot be published yet:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}

      <fieldset>
        <legend>Details</legend>
        <div className="row">
          <label>
            Name
            <input
              key={`name-${template.updatedAt}`}
              defaultValue={template.name}
              maxLength={120}
              disabled={template.status === 'archived'}
              onBlur={(e) =>
                e.target.value.trim() &&
                e.target.value.trim() !== template.name &&
                void saveDetails({ name: e.target.value.trim() })
              }
            />
          </label>
          <label>
            Job
            <select
              value={template.jobId ?? ''}
              disabled={!draft}
              onChange={(e) => void saveDetails({ jobId: e.target.value || null })}
            >
              <option value="">No job (general)</option>
              {template.jobId && !jobs.some((j) => j.id === template.jobId) && (
                <option value={template.jobId}>{template.jobTitle ?? 'Unavailable job'}</option>
              )}
              {jobs.map((job) => (
                <option key={job.id} value={job.id}>
                  {job.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="field">
          <label htmlFor="template-description">Description</label>
          <textarea
            id="template-description"
            key={`description-${template.updatedAt}`}
            rows={2}
            defaultValue={template.description}
            maxLength={2000}
            disabled={template.status === 'archived'}
            onBlur={(e) => e.target.value !== template.description && void saveDetails({ description: e.target.value })}
          />
        </div>
        <div className="row">
          <label>
            Most questions
            <input
              type="number"
              min={1}
              max={30}
              disabled={!draft}
              key={`maxq-${template.updatedAt}`}
              defaultValue={template.settings.maxQuestions}
              onBlur={(e) =>
                Number(e.target.value) !== template.settings.maxQuestions &&
                void saveDetails({ settings: { maxQuestions: Math.round(Number(e.target.value)) } })
              }
            />
          </label>
          <label>
            Longest interview (minutes)
            <input
              type="number"
              min={5}
              max={180}
              disabled={!draft}
              key={`maxd-${template.updatedAt}`}
              defaultValue={template.settings.maxDurationMinutes}
              onBlur={(e) =>
                Number(e.target.value) !== template.settings.maxDurationMinutes &&
                void saveDetails({ settings: { maxDurationMinutes: Math.round(Number(e.target.value)) } })
              }
            />
          </label>
          <label>
            Follow-ups per question
            <select
              value={template.settings.maxFollowUps}
              disabled={!draft}
              onChange={(e) => void saveDetails({ settings: { maxFollowUps: Number(e.target.value) } })}
            >
              {[0, 1, 2].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label>
            Pause that ends a spoken answer
            <select
              value={template.settings.answerSilenceSec}
              disabled={!draft}
              aria-describedby="template-silence-help"
              onChange={(e) => void saveDetails({ settings: { answerSilenceSec: Number(e.target.value) } })}
            >
              {ANSWER_SILENCE_CHOICES.map((sec) => (
                <option key={sec} value={sec}>
                  {sec} s
                </option>
              ))}
            </select>
            <small id="template-silence-help" className="muted">
              Candidates can always end an answer themselves; in-depth questions wait a second longer.
            </small>
          </label>
        </div>
      </fieldset>

      <div className="row">
        {draft && (
          <button type="button" onClick={() => void run(() => call('templates.publish', { id: template.id }))}>
            Publish
          </button>
        )}
        {template.status !== 'archived' && (
          <button
            type="button"
            className="secondary"
            onClick={() => void run(() => call('templates.archive', { id: template.id }))}
          >
            Archive
          </button>
        )}
        <button type="button" className="secondary" onClick={() => void duplicate()}>
          Duplicate as draft
        </button>
      </div>

      <h2>Questions ({template.questions.length})</h2>
      {notice && <p role="status">{notice}</p>}
      {draft && (
        <div className="row">
          <button type="button" onClick={() => setEditing({ kind: 'new' })}>
            Add question
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => setGenerating(true)}
            disabled={!template.jobId}
            title={template.jobId ? undefined : 'Link the template to a job to generate questions from it'}
          >
            Generate with AI…
          </button>
        </div>
      )}
      {editing && (
        <fieldset>
          <legend>{editing.kind === 'edit' ? 'Edit question' : 'New question'}</legend>
          <QuestionForm
            key={editing.kind === 'edit' ? editing.question.id : 'new'}
            question={editing.kind === 'edit' ? editing.question : undefined}
            onSave={saveQuestion}
            onCancel={() => setEditing(null)}
          />
        </fieldset>
      )}
      <QuestionList
        questions={template.questions}
        editable={draft}
        onReorder={reorder}
        onEdit={(question) => setEditing({ kind: 'edit', question })}
        onRemove={remove}
      />

      {template.status !== 'draft' && (
        <>
          <h2>Invitations</h2>
          {template.status === 'active' && (
            <InvitationForm
              templateId={template.id}
              onCreated={(invitation) => {
                setInvitations((list) => [invitation, ...list])
                setNotice(`Code for ${invitation.candidateName}: ${invitation.code ?? ''}`)
              }}
            />
          )}
          <InvitationTable
            invitations={invitations}
            showTemplate={false}
            onChanged={(changed) => setInvitations((list) => list.map((i) => (i.id === changed.id ? changed : i)))}
          />
        </>
      )}

      <GenerateDialog
        templateId={template.id}
        open={generating}
        onClose={() => setGenerating(false)}
        onGenerated={(result) => {
          setTemplate(result.template)
          setNotice(
            result.added === 0
              ? 'No new questions: the template already has all of them.'
              : `Added ${result.added} draft question${result.added === 1 ? '' : 's'}${result.cached ? ' from the cache (no AI cost)' : ''}. Review and edit them before publishing.`,
          )
        }}
      />
    </section>
  )
}
