import type OpenAI from 'openai'
import type { ChatMessage } from '../types'

export interface ChatParams {
  model: string
  messages: ChatMessage[]
  temperature?: number
  maxTokens?: number
  /** Asks for JSON matching this schema (not enforced by the provider: we validate it ourselves). */
  jsonSchema?: { name: string; schema: Record<string, unknown> }
}

export interface TokenUsage {
  inputTokens: number
  outputTokens: number
}

export interface ChatStreamHandle {
  deltas: AsyncIterator<string>
  /** What the provider reported at the end of the stream, if it got that far. */
  usage(): TokenUsage | undefined
  /** Characters handed on so far, for an estimate when the stream is cut off before its usage. */
  deliveredChars(): number
}

function body(params: ChatParams) {
  return {
    model: params.model,
    messages: params.messages,
    ...(params.temperature === undefined ? {} : { temperature: params.temperature }),
    ...(params.maxTokens === undefined ? {} : { max_completion_tokens: params.maxTokens }),
    ...(params.jsonSchema
      ? {
          response_format: {
            type: 'json_schema' as const,
            json_schema: { name: params.jsonSchema.name, schema: params.jsonSchema.schema, strict: false },
          },
        }
      : {}),
  }
}

/**
 * Opens a streamed chat completion. Resolves when the provider has answered with headers; text
 * deltas are handed on as each SSE event is parsed, with nothing buffered in between.
 */
export async function openChatStream(
  client: OpenAI,
  params: ChatParams,
  signal: AbortSignal,
): Promise<ChatStreamHandle> {
  const stream = await client.chat.completions.create(
    { ...body(params), stream: true, stream_options: { include_usage: true } },
    { signal },
  )
  let usage: TokenUsage | undefined
  let delivered = 0
  async function* deltas(): AsyncGenerator<string, void, undefined> {
    for await (const chunk of stream) {
      if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens }
      const text = chunk.choices[0]?.delta?.content
      if (text) {
        delivered += text.length
        yield text
      }
    }
  }
  return { deltas: deltas(), usage: () => usage, deliveredChars: () => delivered }
}

export interface ChatCompletion {
  text: string
  usage: TokenUsage
}

/** One plain (unstreamed) completion; a response without a text message counts as malformed. */
export async function completeChat(client: OpenAI, params: ChatParams, signal: AbortSignal): Promise<ChatCompletion> {
  const response = await client.chat.completions.create({ ...body(params), stream: false }, { signal })
  const text = response.choices?.[0]?.message?.content
  if (typeof text !== 'string') throw new SyntaxError('chat completion without message content')
  return {
    text,
    usage: { inputTokens: response.usage?.prompt_tokens ?? 0, outputTokens: response.usage?.completion_tokens ?? 0 },
  }
}
