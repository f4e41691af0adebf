import { z } from 'zod'
import { request } from '../define'
import { id } from './fields'

/** What the candidate chose at the kiosk's first screen, as they chose it (a resumed interview may ask again). */
export interface ConsentChoiceView {
  choice: 'consented' | 'alternative_requested'
  at: number
}

export interface ConsentRecord {
  sessionId: string
  /** Oldest first. */
  choices: ConsentChoiceView[]
  /** The candidate asked, at least once, for a process without the AI interview. */
  alternativeRequested: boolean
}

export const consentRequests = {
  'assessments.consent': request<ConsentRecord>()(z.object({ sessionId: id }).strict()),
}
