import { useState } from 'react'
import type { QuestionView, TemplateDetail } from '../../../../shared/contract/interviews'
import { QuestionForm, type QuestionFields } from './QuestionForm'
import { QuestionList } from './QuestionList'

type Editing = { kind: 'new' } | { kind: 'edit'; question: QuestionView } | null

/**
 * A template's questions in order, with the form for a new or edited one. Only a draft's questions
 * change; generating with AI needs the template's job to read from.
 */
export function TemplateQuestions({
  template,
  notice,
  onSave,
  onReorder,
  onRemove,
  onGenerate,
}: {
  template: TemplateDetail
  /** The latest outcome to announce (questions generated, an invitation's code). */
  notice: string | null
  /** Saves a new question, or changes `question` when one is being edited. */
  onSave(fields: QuestionFields, question: QuestionView | null): Promise<void>
  onReorder(order: string[]): void
  onRemove(question: QuestionView): void
  onGenerate(): void
}) {
  const [editing, setEditing] = useState<Editing>(null)
  const draft = template.status === 'draft'
  const save = async (fields: QuestionFields) => {
    await onSave(fields, editing?.kind === 'edit' ? editing.question : null)
    setEditing(null)
  }

  return (
    <>
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
            onClick={onGenerate}
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
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        </fieldset>
      )}
      <QuestionList
        questions={template.questions}
        editable={draft}
        onReorder={onReorder}
        onEdit={(question) => setEditing({ kind: 'edit', question })}
        onRemove={onRemove}
      />
    </>
  )
}
