import { describe, expect, it } from 'vitest'
import { forbiddenMentions, refusalFor } from '@core/feedback/forbidden-mentions'

describe('what feedback must never mention', () => {
  it.each([
    ['Our integrity checks flagged your session.', 'integrity signals'],
    ['You switched tabs twice during the interview.', 'tab or window switching'],
    ['The window lost focus for a minute.', 'focus loss'],
    ['You left the kiosk before the third question.', 'leaving the interview window'],
    ['A second monitor was connected.', 'a second screen'],
    ['Face detection found no face for a while.', 'face detection'],
    ['One answer was pasted.', 'pasted answers'],
    ['Your answer timing was unusual.', 'answer timing'],
    ['It sounded recited from notes.', 'recited answers'],
    ['This looked suspicious to us.', 'suspicion of cheating'],
    ['You used a retake on question two.', 'retakes'],
    ['You seemed nervous at the start.', 'emotion or personality'],
    ['Your personality would fit the team.', 'emotion or personality'],
    ['Given your age, we think…', 'self-identification'],
    ['Candidates of your ethnicity…', 'self-identification'],
  ])('refuses %j (%s)', (text, label) => {
    expect(forbiddenMentions(text)).toContain(label)
    expect(refusalFor(text)).toMatch(new RegExp(`^This feedback mentions .*${label}`))
  })

  it.each([
    'Your answers on databases and caching were clear, with a stable, well-managed example.',
    'The role asks for TypeScript and GraphQL, which we did not find on the first page of your resume.',
    'Describe how you organise a test suite, and what you would change in a staged rollout.',
    'Thank you for your time; we wish you every success in your next application.',
  ])('lets ordinary feedback through: %j', (text) => {
    expect(forbiddenMentions(text)).toEqual([])
    expect(refusalFor(text)).toBeNull()
  })
})
