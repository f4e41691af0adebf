import type { InvitationKind } from '../../../shared/contract/interviews'
import { escapeHtml, htmlDocument } from './html'

/** What an invitation email says, gathered from the invitation, its template and the sender. */
export interface InvitationFacts {
  candidateName: string
  /** The kiosk code as XXXX-XXXX. */
  code: string
  kind: InvitationKind
  jobTitle: string | null
  templateName: string
  location: string | null
  scheduledAt: number | null
  expiresAt: number
  maxQuestions: number
  maxDurationMinutes: number
  senderName: string
}

export interface ComposedEmail {
  subject: string
  text: string
  html: string
}

const WHEN = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
})
export const formatWhen = (at: number) => WHEN.format(new Date(at))

const HUMAN_KIND: Record<Exclude<InvitationKind, 'ai_interview'>, string> = {
  in_person: 'an in-person interview',
  phone: 'a phone interview',
  video_call: 'a video call interview',
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] || name

interface Section {
  heading: string
  /** Bullet points, or numbered steps when `ordered`. */
  items: string[]
  ordered?: boolean
}

function sections(f: InvitationFacts): { intro: string; details: [string, string][]; parts: Section[] } {
  const role = f.jobTitle ? `the ${f.jobTitle} role` : f.templateName
  const window = f.scheduledAt
    ? `From ${formatWhen(f.scheduledAt)} until ${formatWhen(f.expiresAt)}`
    : `Any time until ${formatWhen(f.expiresAt)}`
  const details: [string, string][] = [
    ['Your interview code', f.code],
    ['When', window],
  ]
  if (f.location) details.push(['Where', f.location])
  const another =
    'You can ask for another way. If you would rather not be interviewed by an AI, or speaking or using a camera is hard for you, choose "I would like another way to be assessed" on the first screen or reply to this email, and we will arrange an alternative. Asking does not count against you.'
  if (f.kind !== 'ai_interview') {
    return {
      intro: `You are invited to ${HUMAN_KIND[f.kind]} for ${role} with ${f.senderName}.`,
      details,
      parts: [
        {
          heading: 'What to expect',
          items: [
            `A member of the ${f.senderName} team interviews you; it takes about ${f.maxDurationMinutes} minutes.`,
            'If you need any adjustment to take part, reply to this email and tell us what would help.',
          ],
        },
      ],
    }
  }
  return {
    intro: `You are invited to an interview for ${role} with ${f.senderName}.`,
    details,
    parts: [
      {
        heading: 'What to expect',
        items: [
          `An AI interviewer asks the questions and listens to your answers. A person at ${f.senderName} reviews them and makes every decision; the AI decides nothing on its own.`,
          'Your answers are recorded (your voice, and video where the interview uses the camera) so the team can review them. You are told exactly what is recorded, and asked to agree, before anything starts.',
          `It takes about ${f.maxDurationMinutes} minutes, with up to ${f.maxQuestions} questions. You can ask for a question to be repeated, and answer in writing if you cannot speak.`,
          another,
        ],
      },
      {
        heading: 'How to start',
        ordered: true,
        items: [
          f.location
            ? `Go to the interview computer at ${f.location}.`
            : 'Go to the interview computer you were told about.',
          `Enter your code ${f.code} on the first screen.`,
          'Read what is recorded and how it is used, then agree or ask for another way.',
          'Check your camera and microphone, try the practice question, and begin when you are ready.',
        ],
      },
    ],
  }
}

/** The invitation as plain text and as simple HTML carrying the same words in the same order. */
export function composeInvitationEmail(f: InvitationFacts): ComposedEmail {
  const { intro, details, parts } = sections(f)
  const subject = `Your interview for ${f.jobTitle ?? f.templateName}: code ${f.code}`
  const greeting = `Hello ${firstName(f.candidateName)},`
  const closing = `If anything is unclear, reply to this email.\n\n${f.senderName}`
  const text = [
    greeting,
    intro,
    details.map(([label, value]) => `${label}: ${value}`).join('\n'),
    ...parts.map(
      (part) =>
        `${part.heading}\n${part.items.map((item, i) => (part.ordered ? `${i + 1}. ${item}` : `- ${item}`)).join('\n')}`,
    ),
    closing,
  ].join('\n\n')
  const html = htmlDocument(
    subject,
    [
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(intro)}</p>`,
      '<dl>',
      ...details.map(
        ([label, value]) =>
          `<dt style="font-weight: 600;">${escapeHtml(label)}</dt><dd style="margin: 0 0 0.75em 0;${label === 'Your interview code' ? ' font-size: 1.5em; font-weight: 700; letter-spacing: 0.1em;' : ''}">${escapeHtml(value)}</dd>`,
      ),
      '</dl>',
      ...parts.map((part) => {
        const tag = part.ordered ? 'ol' : 'ul'
        return `<h2 style="font-size: 1.15em;">${escapeHtml(part.heading)}</h2>\n<${tag}>${part.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${tag}>`
      }),
      `<p>If anything is unclear, reply to this email.</p>`,
      `<p>${escapeHtml(f.senderName)}</p>`,
    ].join('\n'),
  )
  return { subject, text, html }
}
