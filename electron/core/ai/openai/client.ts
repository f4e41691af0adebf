import OpenAI from 'openai'

export interface OpenAiClientOptions {
  /** Defaults to the real API; tests and the demo host point it at the wire stub. */
  baseURL?: string
}

/**
 * One SDK client per key, reused so calls share a connection pool. The SDK's own retries are off:
 * the call runner owns the retry policy, and two stacked policies would multiply attempts.
 */
export function createOpenAiClients(options: OpenAiClientOptions) {
  let cached: { key: string; client: OpenAI } | undefined
  return {
    forKey(key: string): OpenAI {
      if (cached?.key !== key) {
        cached = {
          key,
          client: new OpenAI({
            apiKey: key,
            baseURL: options.baseURL,
            maxRetries: 0,
            // Deadlines come from the runner's per-attempt signal; this is only a backstop.
            timeout: 10 * 60_000,
          }),
        }
      }
      return cached.client
    },
  }
}
