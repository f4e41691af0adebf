import type { TemplateStatus } from '../../../../shared/contract/interviews'

/** Publishing, archiving and copying a template; each offered only where it applies. */
export function TemplateActions({
  status,
  onPublish,
  onArchive,
  onDuplicate,
}: {
  status: TemplateStatus
  onPublish(): void
  onArchive(): void
  onDuplicate(): void
}) {
  return (
    <div className="row">
      {status === 'draft' && (
        <button type="button" onClick={onPublish}>
          Publish
        </button>
      )}
      {status !== 'archived' && (
        <button type="button" className="secondary" onClick={onArchive}>
          Archive
        </button>
      )}
      <button type="button" className="secondary" onClick={onDuplicate}>
        Duplicate as draft
      </button>
    </div>
  )
}
