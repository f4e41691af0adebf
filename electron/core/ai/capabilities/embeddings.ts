import { AiError } from '../errors'
import { batchTexts, embedBatch } from '../openai/embeddings'
import { mapOpenAiError } from '../openai/errors'
import type { Embeddings } from '../types'
import type { CapabilityContext } from './context'

/** Embeddings in batches under the API's limits; each batch is its own call (retried and billed alone). */
export function createEmbeddings(ctx: CapabilityContext): Embeddings {
  const mapError = (error: unknown) => mapOpenAiError(error, 'embeddings', () => ctx.clock.now())
  return {
    async embed(texts, options = {}) {
      if (!texts.length) return []
      if (texts.some((t) => !t.trim())) {
        throw new AiError({
          kind: 'bad_request',
          provider: 'openai',
          capability: 'embeddings',
          message: 'Cannot embed an empty text',
        })
      }
      const model = ctx.settings().embeddings.model
      const vectors: number[][] = []
      for (const batch of batchTexts(texts, ctx.embeddingBatchSize)) {
        const result = await ctx.runner.unary(
          { provider: 'openai', capability: 'embeddings', model, scope: options.scope, signal: options.signal },
          {
            estimate: {
              inputTokens: batch.reduce((sum, t) => sum + Math.ceil(t.length / 4), 0),
              outputTokens: 0,
              audioSeconds: 0,
              characters: 0,
            },
            attempt: (signal) => embedBatch(ctx.openai.forKey(ctx.key('openai', 'embeddings')), model, batch, signal),
            usageOf: (r) => ({ inputTokens: r.inputTokens, outputTokens: 0, audioSeconds: 0, characters: 0 }),
            mapError,
          },
        )
        vectors.push(...result.vectors)
      }
      return vectors
    },
  }
}
