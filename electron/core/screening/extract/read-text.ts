import type { ContentFlag, ExtractedDocument, ExtractLimits } from '../types'
import { cleanWrittenText } from '../hand-wrap'
import { cleanLine, visibleCharCount } from './clean-text'
import { unifiedBreaks } from './line-breaks'
import { detectInjection } from './injection'
import { CHARS_PER_PAGE, refuse } from './limits'

export function checkLength(text: string, limits: ExtractLimits) {
  const pages = Math.max(1, Math.ceil(text.length / CHARS_PER_PAGE))
  if (pages > limits.maxPages)
    refuse(
      'too_long',
      `The file holds about ${pages} pages of text; resumes over ${limits.maxPages} pages are not read.`,
    )
  return pages
}

export function readPlainText(raw: string, limits: ExtractLimits): ExtractedDocument {
  const text = cleanWrittenText(raw)
  if (visibleCharCount(text) === 0) refuse('empty', 'The file has no text in it.')
  const pages = checkLength(text, limits)
  return { format: 'txt', text, hiddenText: '', pages, flags: detectInjection(text) }
}

// HTML comments are part of a Markdown file but never shown when it is rendered. The inline
// patterns below are bounded so a hostile line of unclosed markers cannot make them quadratic.
const HTML_COMMENT = /<!--([\s\S]*?)(-->|$)/g

/** Markdown as it reads when rendered: markup removed, link targets kept, comments set aside as hidden. */
export function readMarkdown(raw: string, limits: ExtractLimits): ExtractedDocument {
  const hidden: string[] = []
  const withoutComments = unifiedBreaks(raw).replace(HTML_COMMENT, (_, body: string) => {
    hidden.push(body)
    return ''
  })
  const rendered = withoutComments
    .split('\n')
    .filter((line) => !/^\s*([-*_]\s*){3,}$/.test(line) && !/^\s*\|?\s*:?-{3,}/.test(line))
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/!\[([^\]]{0,300})\]\([^)]{0,500}\)/g, '$1')
        .replace(/\[([^\]]{1,300})\]\(([^)\s]{1,500})[^)]{0,200}\)/g, (_, label: string, target: string) =>
          label === target ? label : `${label} (${target})`,
        )
        .replace(/(\*\*|__)(.{1,300}?)\1/g, '$2')
        .replace(/(^|[\s(])([*_])(\S.{0,300}?\S|\S)\2(?=[\s).,;:!?]|$)/g, '$1$3')
        .replace(/`([^`]{1,300})`/g, '$1')
        .replace(/<\/?[a-z][^>]*>/gi, '')
        .replace(/^\s*\|(.*)\|\s*$/, (_, cells: string) =>
          cells
            .split('|')
            .map((cell) => cell.trim())
            .join(' | '),
        ),
    )
    .join('\n')
  const text = cleanWrittenText(rendered)
  const hiddenLines = hidden
    .flatMap((body) => body.split('\n'))
    .map(cleanLine)
    .filter(Boolean)
  if (visibleCharCount(text) === 0 && hiddenLines.length === 0) refuse('empty', 'The file has no text in it.')
  const pages = checkLength(text, limits)
  const flags: ContentFlag[] = [...detectInjection(text)]
  if (hiddenLines.length > 0) {
    flags.push(...detectInjection(hiddenLines.join('\n'), { hidden: true, context: 'in a Markdown comment' }))
    flags.push({
      kind: 'hidden_text',
      detail: 'Text a reader cannot see: a comment, not shown when the Markdown is displayed',
      text: hiddenLines.join(' ').slice(0, 500),
    })
  }
  return { format: 'md', text, hiddenText: hiddenLines.join('\n'), pages, flags }
}
