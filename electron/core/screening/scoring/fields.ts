import { HEADLINE_MAX, portalHeadline } from '../read/headline'
import { layoutOf } from '../read/layout'
import { isPortalExport } from '../read/portal'
import type { ParsedResume } from '../types'
import type { FieldTokens } from './term-vector'
import { tokenize } from './tokenize'

const HEADLINE_LINES = 4
const CONTACT = /@|https?:\/\/|www\.|\b[\w-]+\.(?:com|org|net|io|in|dev|me|co|uk)\b|\d{3}[\s.-]?\d{3}/i

/**
 * The lines above the first heading that are not contact details, where people say what they do,
 * and a portal export's headline.
 */
export function headlineOf(text: string): string[] {
  const { lines, lineSections, headingLines } = layoutOf(text)
  const portal = portalHeadline(lines, headingLines)
  // A portal export opens with its fields, not with what the person calls themselves: its lines
  // above a heading are the end of a skills list or a sentence cut from its job.
  if (lines.some(isPortalExport)) return portal ? [portal] : []
  const first = lineSections.findIndex((section) => section !== null)
  const top = lines
    .slice(0, first === -1 ? Math.min(lines.length, HEADLINE_LINES * 2) : first)
    .map((line) => line.trim())
  // The short last line of a paragraph a text file wraps by hand ("start ups and individual
  // developers.") is the end of a sentence, as a PDF that joins the paragraph shows: no headline.
  const endsParagraph = (index: number) => {
    const previous = index > 0 ? top[index - 1]! : ''
    return previous.length > HEADLINE_MAX && !/[.!?]$/.test(previous)
  }
  const above = top
    .filter((line, index) => line && line.length <= HEADLINE_MAX && !CONTACT.test(line) && !endsParagraph(index))
    .slice(0, HEADLINE_LINES)
  return portal ? [...above, portal] : above
}

type FieldSource = Pick<ParsedResume, 'employment' | 'sections' | 'skills' | 'currentTitle'>

/**
 * The resume's fields as BM25F weighs them: the title field is the headline and every job title;
 * the skills field is the skills section and the canonical name of every skill read, so "k8s" in a
 * resume meets "Kubernetes" in a job. The role field, which BM25F does not weigh, is what the person
 * is now (the headline and the current title), for a job title's contrast (text-relevance.ts).
 */
export function resumeFieldTokens(text: string, resume: FieldSource): FieldTokens {
  const headline = headlineOf(text)
  const titles = [...headline, ...resume.employment.map((job) => job.title)]
  const skills = [resume.sections.skills ?? '', ...new Set(resume.skills.map((mention) => mention.name))]
  return {
    title: tokenize(titles.join('\n'), { title: true }),
    skills: tokenize(skills.join('\n')),
    role: tokenize([...headline, resume.currentTitle ?? ''].join('\n'), { title: true }),
  }
}
