import type OpenAI from 'openai'

export interface EmbeddingBatch {
  vectors: number[][]
  inputTokens: number
}

/** One request for one batch; the answer is checked for count, order and finite numbers. */
export async function embedBatch(
  client: OpenAI,
  model: string,
  texts: string[],
  signal: AbortSignal,
): Promise<EmbeddingBatch> {
  const response = await client.embeddings.create({ model, input: texts, encoding_format: 'float' }, { signal })
  if (!Array.isArray(response.data) || response.data.length !== texts.length) {
    throw new SyntaxError(
      `embeddings: expected ${texts.length} vectors, got ${Array.isArray(response.data) ? response.data.length : 'none'}`,
    )
  }
  const vectors: number[][] = new Array(texts.length)
  for (const item of response.data) {
    const vector = item.embedding as unknown
    if (!Number.isInteger(item.index) || item.index < 0 || item.index >= texts.length || !Array.isArray(vector)) {
      throw new SyntaxError('embeddings: malformed item')
    }
    if (!vector.every((v) => typeof v === 'number' && Number.isFinite(v)))
      throw new SyntaxError('embeddings: non-numeric vector')
    vectors[item.index] = vector as number[]
  }
  const dims = vectors[0]?.length
  if (!dims || vectors.some((v) => !v || v.length !== dims))
    throw new SyntaxError('embeddings: vectors of different sizes')
  return { vectors, inputTokens: response.usage?.prompt_tokens ?? 0 }
}

/**
 * Splits texts into requests under the API's limits (2,048 inputs and about 300k tokens each),
 * keeping order. Token counts are estimated at four characters a token, on the safe side.
 */
export function batchTexts(texts: string[], maxInputs: number, maxTokens = 250_000): string[][] {
  const batches: string[][] = []
  let current: string[] = []
  let tokens = 0
  for (const text of texts) {
    const estimate = Math.ceil(text.length / 4) + 1
    if (current.length && (current.length >= maxInputs || tokens + estimate > maxTokens)) {
      batches.push(current)
      current = []
      tokens = 0
    }
    current.push(text)
    tokens += estimate
  }
  if (current.length) batches.push(current)
  return batches
}
