import { describe, expect, it } from 'vitest'
import { composeInvitationEmail, formatWhen, type InvitationFacts } from '@core/mail/invitation-email'

const FACTS: InvitationFacts = {
  candidateName: 'Ada Lovelace',
  code: 'ABCD-EFGH',
  kind: 'ai_interview',
  jobTitle: 'Backend engineer',
  templateName: 'Backend screen',
  location: null,
  scheduledAt: Date.UTC(2026, 11, 10, 9, 0),
  expiresAt: Date.UTC(2026, 11, 10, 11, 0),
  maxQuestions: 6,
  maxDurationMinutes: 30,
  senderName: 'Acme Hiring',
}

describe('the invitation email, composed', () => {
  it('gives a scheduled window from start to end, and no place when there is none', () => {
    const { subject, text } = composeInvitationEmail(FACTS)
    expect(subject).toBe('Your interview for Backend engineer: code ABCD-EFGH')
    expect(text).toContain(`When: From ${formatWhen(FACTS.scheduledAt!)} until ${formatWhen(FACTS.expiresAt)}`)
    expect(text).not.toContain('Where:')
    expect(text).toContain('1. Go to the interview computer you were told about.')
  })

  it('a human interview says who interviews, without promising an AI or a kiosk', () => {
    const { text } = composeInvitationEmail({ ...FACTS, kind: 'phone', location: '+44 20 7946 0000' })
    expect(text).toContain('You are invited to a phone interview for the Backend engineer role with Acme Hiring.')
    expect(text).toContain('Where: +44 20 7946 0000')
    expect(text).not.toMatch(/AI interviewer|How to start/)
    expect(text).toContain('If you need any adjustment to take part, reply to this email')
  })

  it('escapes what came from a resume or a recruiter in the HTML, and keeps it word for word in the text', () => {
    const hostile = { ...FACTS, candidateName: '<img src=x onerror=alert(1)> Eve', location: 'Room "4" & <b>5</b>' }
    const { text, html } = composeInvitationEmail(hostile)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>5</b>')
    expect(html).toContain('Hello &lt;img')
    expect(html).toContain('Room &quot;4&quot; &amp; &lt;b&gt;5&lt;/b&gt;')
    expect(text).toContain('Where: Room "4" & <b>5</b>')
  })
})
