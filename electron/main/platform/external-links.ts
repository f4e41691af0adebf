import type { Audience } from '../../../shared/contract'

/**
 * Sites the recruiter may be sent to in the system browser (where API keys and accounts are
 * managed). Exact host names: a suffix or prefix match would let look-alike hosts through.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'platform.openai.com',
  'console.deepgram.com',
  'supabase.com',
  'github.com',
  // The billing providers' checkout and subscription pages (Billing → Upgrade, Manage billing).
  'checkout.stripe.com',
  'billing.stripe.com',
  'rzp.io',
])

/**
 * Whether a link the app was asked to open may go to the system browser. The kiosk never opens
 * anything outside itself; the recruiter only https links to the hosts above, with no credentials
 * and no non-default port.
 */
export function mayOpenExternally(
  url: string,
  audience: Audience,
  hosts: ReadonlySet<string> = EXTERNAL_HOSTS,
): boolean {
  if (audience !== 'recruiter') return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === 'https:' &&
    !parsed.username &&
    !parsed.password &&
    parsed.port === '' &&
    hosts.has(parsed.hostname.toLowerCase())
  )
}
