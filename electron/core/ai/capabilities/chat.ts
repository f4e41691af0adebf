import type { z } from 'zod'
import { AiError } from '../errors'
import { completeChat, openChatStream, type ChatParams, type ChatStreamHandle } from '../openai/chat'
import { mapOpenAiError } from '../openai/errors'
import type { CallTarget } from '../resilience/call-runner'
import { jsonSchemaFor, parseStructured } from '../structured'
import type { Chat, ChatMessage, ChatRequest } from '../types'
import type { CapabilityContext } from './context'

/** Four characters a token, plus a few per message for the chat framing; only used where the provider says nothing. */
const estimateTokens = (text: string) => Math.ceil(text.length / 4)
const promptTokens = (messages: ChatMessage[]) => messages.reduce((sum, m) => sum + estimateTokens(m.content) + 4, 0)
const DEFAULT_OUTPUT_ESTIMATE = 1000

function checkRequest(request: ChatRequest): void {
  if (!request.messages.length || request.messages.every((m) => !m.content.trim())) {
    throw new AiError({
      kind: 'bad_request',
      provider: 'openai',
      capability: 'chat',
      message: 'A chat call needs at least one message',
    })
  }
}

export function createChat(ctx: CapabilityContext): Chat {
  const mapError = (error: unknown) => mapOpenAiError(error, 'chat', () => ctx.clock.now())
  const target = (request: ChatRequest): CallTarget => ({
    provider: 'openai',
    capability: 'chat',
    model: ctx.settings().chat.model,
    scope: request.scope,
    signal: request.signal,
  })
  const paramsFor = (request: ChatRequest, model: string, jsonSchema?: ChatParams['jsonSchema']): ChatParams => ({
    model,
    messages: request.messages,
    temperature: request.temperature,
    maxTokens: request.maxTokens,
    jsonSchema,
  })

  const stream = (
    request: ChatRequest,
    jsonSchema?: ChatParams['jsonSchema'],
  ): AsyncGenerator<string, void, undefined> => {
    checkRequest(request)
    const call = target(request)
    const inputEstimate = promptTokens(request.messages)
    let handle: ChatStreamHandle | undefined
    return ctx.runner.stream(call, {
      estimate: {
        inputTokens: inputEstimate,
        outputTokens: request.maxTokens ?? DEFAULT_OUTPUT_ESTIMATE,
        audioSeconds: 0,
        characters: 0,
      },
      open: async (signal) => {
        const client = ctx.openai.forKey(ctx.key('openai', 'chat'))
        handle = await openChatStream(client, paramsFor(request, call.model, jsonSchema), signal)
        return handle.deltas
      },
      usage: () => {
        const reported = handle?.usage()
        if (reported) return { usage: { ...reported, audioSeconds: 0, characters: 0 }, estimated: false }
        // Cut off before the provider's usage event: count what was sent and what came back.
        return {
          usage: {
            inputTokens: handle ? inputEstimate : 0,
            outputTokens: Math.ceil((handle?.deliveredChars() ?? 0) / 4),
            audioSeconds: 0,
            characters: 0,
          },
          estimated: handle !== undefined,
        }
      },
      mapError,
    })
  }

  const collect = async (parts: AsyncIterable<string>) => {
    let text = ''
    for await (const part of parts) text += part
    return text
  }

  return {
    stream: (request) => stream(request),

    async complete(request) {
      checkRequest(request)
      const call = target(request)
      const result = await ctx.runner.unary(call, {
        estimate: {
          inputTokens: promptTokens(request.messages),
          outputTokens: request.maxTokens ?? DEFAULT_OUTPUT_ESTIMATE,
          audioSeconds: 0,
          characters: 0,
        },
        attempt: (signal) =>
          completeChat(ctx.openai.forKey(ctx.key('openai', 'chat')), paramsFor(request, call.model), signal),
        usageOf: (r) => ({ ...r.usage, audioSeconds: 0, characters: 0 }),
        mapError,
      })
      return result.text
    },

    // Streamed underneath so the timeout is on silence, not on total length: assessments can be long.
    async structured<T>(request: ChatRequest & { schema: z.ZodType<T>; schemaName: string }): Promise<T> {
      const jsonSchema = {
        name: request.schemaName.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64),
        schema: jsonSchemaFor(request.schema),
      }
      const first = await collect(stream(request, jsonSchema))
      const firstTry = parseStructured(first, request.schema)
      if (firstTry.ok) return firstTry.value

      const repair = ctx.prompts.render('json-repair', {
        schema_name: jsonSchema.name,
        problems: firstTry.problems.join('\n'),
      })
      const messages: ChatMessage[] = [
        ...request.messages,
        { role: 'assistant', content: first.slice(0, 20_000) },
        ...repair.messages,
      ]
      const second = await collect(stream({ ...request, messages }, jsonSchema))
      const secondTry = parseStructured(second, request.schema)
      if (secondTry.ok) return secondTry.value
      throw new AiError({
        kind: 'invalid_output',
        provider: 'openai',
        capability: 'chat',
        message: `OpenAI's answer did not match the expected form twice (${request.schemaName}); nothing was saved`,
        detail: secondTry.problems.slice(0, 5).join('; '),
      })
    },
  }
}
