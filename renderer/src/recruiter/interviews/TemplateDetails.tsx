import type { RequestInput } from '../../../../shared/contract'
import { ANSWER_SILENCE_CHOICES, type PickerOption, type TemplateDetail } from '../../../../shared/contract/interviews'
import { FieldError, invalidProps } from '../../components/FieldError'

export type TemplatePatch = RequestInput<'templates.update'>['patch']

/** The fields shown here, by their paths in the update's input, for messages beside them. */
export const TEMPLATE_DETAIL_FIELDS = ['name', 'description', 'maxQuestions', 'maxDurationMinutes']

/**
 * A template's name, description, job and limits. Text and numbers are saved when the field loses
 * focus, choices at once; the job and the limits are fixed once the template is published.
 */
export function TemplateDetails({
  template,
  jobs,
  onSave,
  problems = {},
}: {
  template: TemplateDetail
  jobs: PickerOption[]
  onSave(patch: TemplatePatch): void
  /** The last failed save's messages by field. */
  problems?: Readonly<Record<string, string>>
}) {
  const draft = template.status === 'draft'
  return (
    <fieldset>
      <legend>Details</legend>
      <div className="row">
        <label>
          Name
          <input
            {...invalidProps('template-name', problems.name)}
            key={`name-${template.updatedAt}`}
            defaultValue={template.name}
            maxLength={120}
            disabled={template.status === 'archived'}
            onBlur={(e) =>
              e.target.value.trim() &&
              e.target.value.trim() !== template.name &&
              onSave({ name: e.target.value.trim() })
            }
          />
          <FieldError fieldId="template-name" message={problems.name} />
        </label>
        <label>
          Job
          <select
            value={template.jobId ?? ''}
            disabled={!draft}
            onChange={(e) => onSave({ jobId: e.target.value || null })}
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
          {...invalidProps('template-description', problems.description)}
          key={`description-${template.updatedAt}`}
          rows={2}
          defaultValue={template.description}
          maxLength={2000}
          disabled={template.status === 'archived'}
          onBlur={(e) => e.target.value !== template.description && onSave({ description: e.target.value })}
        />
        <FieldError fieldId="template-description" message={problems.description} />
      </div>
      <div className="row">
        <label>
          Most questions
          <input
            type="number"
            min={1}
            max={30}
            disabled={!draft}
            {...invalidProps('template-max-questions', problems.maxQuestions)}
            key={`maxq-${template.updatedAt}`}
            defaultValue={template.settings.maxQuestions}
            onBlur={(e) =>
              Number(e.target.value) !== template.settings.maxQuestions &&
              onSave({ settings: { maxQuestions: Math.round(Number(e.target.value)) } })
            }
          />
          <FieldError fieldId="template-max-questions" message={problems.maxQuestions} />
        </label>
        <label>
          Longest interview (minutes)
          <input
            type="number"
            min={5}
            max={180}
            disabled={!draft}
            {...invalidProps('template-max-duration', problems.maxDurationMinutes)}
            key={`maxd-${template.updatedAt}`}
            defaultValue={template.settings.maxDurationMinutes}
            onBlur={(e) =>
              Number(e.target.value) !== template.settings.maxDurationMinutes &&
              onSave({ settings: { maxDurationMinutes: Math.round(Number(e.target.value)) } })
            }
          />
          <FieldError fieldId="template-max-duration" message={problems.maxDurationMinutes} />
        </label>
        <label>
          Follow-ups per question
          <select
            value={template.settings.maxFollowUps}
            disabled={!draft}
            onChange={(e) => onSave({ settings: { maxFollowUps: Number(e.target.value) } })}
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
            onChange={(e) => onSave({ settings: { answerSilenceSec: Number(e.target.value) } })}
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
  )
}
