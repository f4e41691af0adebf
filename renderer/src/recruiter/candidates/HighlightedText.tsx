import type { ReactNode } from 'react'
import type { HighlightSpan } from '../../../../shared/contract/screening'

const KIND_LABEL: Record<HighlightSpan['kind'], string> = {
  required: 'required skill',
  preferred: 'preferred skill',
  other: 'skill',
}

/** The resume's visible text with each skill mention marked; spans arrive sorted and never overlap. */
export function HighlightedText({ text, spans }: { text: string; spans: HighlightSpan[] }) {
  const parts: ReactNode[] = []
  let at = 0
  for (const span of spans) {
    if (span.start < at || span.end > text.length) continue
    if (span.start > at) parts.push(text.slice(at, span.start))
    parts.push(
      <mark key={span.start} className={`skill-${span.kind}`} data-skill={span.skillId} title={KIND_LABEL[span.kind]}>
        {text.slice(span.start, span.end)}
      </mark>,
    )
    at = span.end
  }
  parts.push(text.slice(at))
  return (
    <pre
      className="resume-text"
      // Scrollable, so focusable; a named region is what may carry a label (a bare <pre> may not).
      role="region"
      tabIndex={0}
      aria-label="Resume text with skills highlighted"
      data-testid="resume-text"
    >
      {parts}
    </pre>
  )
}
