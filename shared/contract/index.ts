import type { z } from 'zod'
import { aiEvents, aiRequests } from './ai'
import { billingEvents, billingRequests } from './billing'
import type { Audience, RequestDef } from './define'
import { exportRequests } from './exports'
import { fairnessRequests } from './fairness'
import { feedbackRequests } from './feedback'
import { foundationEvents, foundationRequests } from './foundation'
import { interviewEvents, interviewRequests } from './interviews'
import { KIOSK_VOICE_EVENTS, kioskEvents, kioskRequests } from './kiosk'
import { mailRequests } from './mail'
import { rightsRequests } from './rights'
import { screeningEvents, screeningRequests } from './screening'
import { sharingRequests } from './sharing'
import { syncEvents, syncRequests } from './sync'
import { updateEvents, updateRequests } from './updates'
import { webhookRequests } from './webhooks'

/**
 * The IPC contract: every request the renderer may make and every event main may push. Each
 * domain declares its part in its own file; this object is the single list main registers from.
 */
export const requests = {
  ...foundationRequests,
  ...aiRequests,
  ...screeningRequests,
  ...interviewRequests,
  ...kioskRequests,
  ...updateRequests,
  ...webhookRequests,
  ...exportRequests,
  ...fairnessRequests,
  ...rightsRequests,
  ...syncRequests,
  ...mailRequests,
  ...feedbackRequests,
  ...sharingRequests,
  ...billingRequests,
} satisfies Record<string, RequestDef>

export const events = {
  ...foundationEvents,
  ...aiEvents,
  ...screeningEvents,
  ...interviewEvents,
  ...kioskEvents,
  ...updateEvents,
  ...syncEvents,
  ...billingEvents,
} satisfies Record<string, z.ZodType>

export type Requests = typeof requests
export type RequestName = keyof Requests
export type RequestInput<K extends RequestName> = z.input<Requests[K]['input']>
export type ParsedInput<K extends RequestName> = z.output<Requests[K]['input']>
export type RequestResult<K extends RequestName> = NonNullable<Requests[K]['_result']>

/** Events a kiosk window may receive; everything else goes to recruiter windows only. */
export const kioskEventNames: ReadonlySet<string> = new Set<keyof typeof events>([...KIOSK_VOICE_EVENTS])

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<K extends EventName> = z.output<Events[K]>

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requests, name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name)
}

export function allows(name: RequestName, audience: Audience): boolean {
  return (requests[name].audience as readonly Audience[]).includes(audience)
}

/** Channel names on the Electron bridge; the web host uses the same message shapes over a socket. */
export const CHANNEL_INVOKE = 'studio:invoke'
export const CHANNEL_EVENT = 'studio:event'

export type { Audience } from './define'
export * from './errors'
