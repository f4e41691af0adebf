import { kioskEventNames, type Audience } from '../../../shared/contract'

/**
 * Which pushed events a window may receive. Recruiter windows get every event; the kiosk only the
 * ones the contract lists for it, so queue activity and candidate data never reach the candidate.
 */
export function eventAllowedFor(
  audience: Audience,
  name: string,
  kioskEvents: ReadonlySet<string> = kioskEventNames,
): boolean {
  return audience === 'recruiter' || kioskEvents.has(name)
}
