import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import type { QuestionView, TemplateDetail } from '../../../../shared/contract/interviews'
import { call, describeError } from '../../api/client'
import { formProblems, NO_PROBLEMS } from '../../api/field-errors'
import { useRequest } from '../../api/useRequest'
import { GenerateDialog } from './GenerateDialog'
import { formatTime, TEMPLATE_STATUS_LABELS } from './labels'
import type { QuestionFields } from './QuestionForm'
import { TemplateActions } from './TemplateActions'
import { TEMPLATE_DETAIL_FIELDS, TemplateDetails, type TemplatePatch } from './TemplateDetails'
import { TemplateInvitations } from './TemplateInvitations'
import { TemplateQuestions } from './TemplateQuestions'
import { useJobOptions } from './useJobOptions'
import { PageLoading } from '../../components/PageLoading'
import { ErrorText } from '../../components/ErrorText'
import { FormProblemList } from '../../components/FormProblemList'

/** Labels for problems with a question's fields, which are listed above the questions. */
const QUESTION_FIELD_LABELS: Record<string, string> = {
  text: 'Question',
  rubric: 'Rubric',
  keyPoints: 'Points a good answer covers',
  timeLimitSec: 'Time limit',
}

/** One template: its details and limits, its questions in order, publishing, and its invitations. */
export function TemplateEditor() {
  const { templateId = '' } = useParams()
  const navigate = useNavigate()
  const jobs = useJobOptions()
  const loaded = useRequest('templates.get', { id: templateId })
  const { data: template, setData: setTemplate } = loaded
  const published = template?.status === 'active' || template?.status === 'archived'
  // Asked again when the status changes (archiving), which also brings in codes used at the kiosk since.
  const invitations = useRequest('invitations.list', published ? { templateId, status: 'all' } : null, {
    deps: [template?.status],
  })
  const [generating, setGenerating] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [problems, setProblems] = useState(NO_PROBLEMS)
  const [error, setError] = useState<string | null>(null)

  if (!template) {
    return <PageLoading title="Interview template" error={loaded.error} />
  }

  const run = async (work: () => Promise<TemplateDetail>) => {
    setError(null)
    try {
      setTemplate(await work())
      setProblems(NO_PROBLEMS)
    } catch (e) {
      // Every problem at once: the details' beside their fields, publishing's rules as one list.
      setProblems(formProblems(e, TEMPLATE_DETAIL_FIELDS, QUESTION_FIELD_LABELS))
    }
  }
  const saveDetails = (patch: TemplatePatch) => void run(() => call('templates.update', { id: template.id, patch }))
  const saveQuestion = (fields: QuestionFields, question: QuestionView | null) =>
    run(() =>
      question
        ? call('questions.update', { id: question.id, patch: fields })
        : call('questions.add', { templateId: template.id, question: fields }),
    )
  const reorder = (order: string[]) => {
    const byId = new Map(template.questions.map((q) => [q.id, q]))
    setTemplate({ ...template, questions: order.map((id, position) => ({ ...byId.get(id)!, position })) })
    call('questions.reorder', { templateId: template.id, order }).then(setTemplate, (e: unknown) => {
      // The optimistic order is wrong now; show the error and the order the studio really has.
      setError(describeError(e))
      loaded.reload()
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

      <ErrorText error={error ?? loaded.error ?? invitations.error} />
      <FormProblemList problems={problems} />

      <TemplateDetails template={template} jobs={jobs} onSave={saveDetails} problems={problems.fields} />
      <TemplateActions
        status={template.status}
        onPublish={() => void run(() => call('templates.publish', { id: template.id }))}
        onArchive={() => void run(() => call('templates.archive', { id: template.id }))}
        onDuplicate={() => void duplicate()}
      />
      <TemplateQuestions
        template={template}
        notice={notice}
        onSave={saveQuestion}
        onReorder={reorder}
        onRemove={remove}
        onGenerate={() => setGenerating(true)}
      />

      {template.status !== 'draft' && (
        <TemplateInvitations
          template={template}
          invitations={invitations.data ?? []}
          onCreated={(invitation) => {
            invitations.setData((list) => [invitation, ...(list ?? [])])
            setNotice(`Code for ${invitation.candidateName}: ${invitation.code ?? ''}`)
          }}
          onChanged={(changed) =>
            invitations.setData((list) => list && list.map((i) => (i.id === changed.id ? changed : i)))
          }
        />
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
