import type { AiOptions } from './service'

/**
 * AI overrides for the web host from its environment, for demos and browser tests against the
 * wire stub (`npx tsx tests/harness/ai-stub/cli.ts` prints the URLs):
 *   PANELIST_OPENAI_BASE_URL    e.g. http://127.0.0.1:8787/v1
 *   PANELIST_DEEPGRAM_BASE_URL  e.g. http://127.0.0.1:8787
 *   PANELIST_AI_KEYLESS=1       send a placeholder key when none is set (only with both URLs set)
 * Only loopback URLs are accepted: keys must not be sent to an arbitrary host by an env var.
 */
export function aiOptionsFromEnv(env: Record<string, string | undefined>): AiOptions {
  const loopback = (name: string): string | undefined => {
    const value = env[name]?.trim()
    if (!value) return undefined
    const url = new URL(value)
    if (!/^https?:$/.test(url.protocol) || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
      throw new Error(`${name} must be an http(s) URL on this machine (127.0.0.1 or localhost), not ${url.host}`)
    }
    return value.replace(/\/$/, '')
  }
  const openaiBaseUrl = loopback('PANELIST_OPENAI_BASE_URL')
  const deepgramBaseUrl = loopback('PANELIST_DEEPGRAM_BASE_URL')
  return {
    ...(openaiBaseUrl ? { openaiBaseUrl } : {}),
    ...(deepgramBaseUrl ? { deepgramBaseUrl } : {}),
    keyless: env.PANELIST_AI_KEYLESS === '1',
  }
}
