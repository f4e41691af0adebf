import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseWav } from '@core/audio/wav'
import { embeddingFor, speechBytes } from './audio'
import { dropConnection, sendJson, streamBytes, waitUnlessClosed, writeChunk } from './http'
import type { StubContext } from './stub-context'
import type { ChatRequestBody, StubFault, StubRequestLog } from './types'
import { transcriptFor } from './transcripts'

export interface RouteCall {
  req: IncomingMessage
  res: ServerResponse
  body: Buffer
  entry: StubRequestLog
  fault?: StubFault
  ctx: StubContext
}

const tokensOf = (text: string) => Math.ceil(text.length / 4)

/** Word-sized pieces, spaces kept, so concatenating them gives back the reply exactly. */
export function splitTokens(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? (text ? [text] : [])
}

function promptTokens(body: ChatRequestBody): number {
  return body.messages.reduce(
    (sum, m) => sum + tokensOf(typeof m.content === 'string' ? m.content : JSON.stringify(m.content)) + 4,
    0,
  )
}

export async function chatCompletions({ res, entry, fault, ctx }: RouteCall): Promise<void> {
  const body = entry.json as ChatRequestBody
  if (!body || !Array.isArray(body.messages) || typeof body.model !== 'string') {
    return sendJson(res, entry, 400, {
      error: { message: 'model and messages are required', type: 'invalid_request_error', param: null, code: null },
    })
  }
  const temperature = body.temperature
  if (temperature !== undefined && (typeof temperature !== 'number' || temperature < 0 || temperature > 2)) {
    return sendJson(res, entry, 400, {
      error: {
        message: 'Invalid temperature: must be between 0 and 2',
        type: 'invalid_request_error',
        param: 'temperature',
        code: 'decimal_above_max_value',
      },
    })
  }
  const reply = ctx.chatReply(body, entry.headers)
  const id = `chatcmpl-stub-${entry.startedAt.toFixed(0)}`
  const created = Math.floor(Date.now() / 1000)
  const usage = { prompt_tokens: promptTokens(body), completion_tokens: splitTokens(reply).length, total_tokens: 0 }
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens
  const latency = ctx.latency()

  if (!body.stream) {
    if (!(await waitUnlessClosed(latency.responseMs, res))) return
    if (fault?.kind === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' })
      writeChunk(
        res,
        entry,
        `{"id":"${id}","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"`,
      )
      return void res.end()
    }
    if (fault?.kind === 'drop') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' })
      writeChunk(res, entry, `{"id":"${id}","object":"chat.completion",`)
      return dropConnection(res)
    }
    return sendJson(res, entry, 200, {
      id,
      object: 'chat.completion',
      created,
      model: body.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: reply, refusal: null },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage,
    })
  }

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
  res.flushHeaders()
  const event = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`
  if (!(await waitUnlessClosed(latency.firstTokenMs, res))) return
  if (fault?.kind === 'malformed') {
    writeChunk(res, entry, 'data: {"id": "broken", "choices": [\n\n')
    return void res.end()
  }
  const tokens = splitTokens(reply)
  const dropAfter = fault?.kind === 'drop' ? (fault.afterChunks ?? 2) : undefined
  for (let i = 0; i < tokens.length; i++) {
    if (dropAfter !== undefined && i >= dropAfter) return dropConnection(res)
    if (i > 0 && !(await waitUnlessClosed(latency.tokenIntervalMs, res))) return
    if (
      !writeChunk(res, entry, event(i === 0 ? { role: 'assistant', content: tokens[i] } : { content: tokens[i] }, null))
    )
      return
    if (latency.tokenIntervalMs <= 0) await new Promise((resolve) => setImmediate(resolve))
  }
  if (dropAfter !== undefined) return dropConnection(res)
  writeChunk(res, entry, event({}, 'stop'))
  if (body.stream_options?.include_usage) {
    writeChunk(
      res,
      entry,
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [], usage })}\n\n`,
    )
  }
  writeChunk(res, entry, 'data: [DONE]\n\n')
  res.end()
}

export async function embeddings({ res, entry, fault, ctx }: RouteCall): Promise<void> {
  const body = entry.json as { model?: string; input?: unknown; dimensions?: number }
  const inputs = typeof body?.input === 'string' ? [body.input] : body?.input
  if (!Array.isArray(inputs) || !inputs.length || inputs.some((t) => typeof t !== 'string' || !t)) {
    return sendJson(res, entry, 400, {
      error: {
        message: "'input' must be a non-empty string or array of strings",
        type: 'invalid_request_error',
        param: 'input',
        code: null,
      },
    })
  }
  if (inputs.length > 2048) {
    return sendJson(res, entry, 400, {
      error: { message: 'Too many inputs; at most 2048', type: 'invalid_request_error', param: 'input', code: null },
    })
  }
  if (!(await waitUnlessClosed(ctx.latency().responseMs, res))) return
  if (fault?.kind === 'malformed' || fault?.kind === 'drop') {
    res.writeHead(200, { 'content-type': 'application/json' })
    writeChunk(res, entry, '{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,')
    return fault.kind === 'drop' ? dropConnection(res) : void res.end()
  }
  const dimensions = body.dimensions ?? ctx.script().embeddingDimensions ?? 64
  const tokens = (inputs as string[]).reduce((sum, t) => sum + tokensOf(t), 0)
  sendJson(res, entry, 200, {
    object: 'list',
    data: (inputs as string[]).map((text, index) => ({
      object: 'embedding',
      index,
      embedding: embeddingFor(text, dimensions),
    })),
    model: body.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  })
}

export async function transcriptions({ req, res, body, entry, fault, ctx }: RouteCall): Promise<void> {
  let form: FormData
  try {
    form = await new Request('http://stub/', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body: new Uint8Array(body),
    }).formData()
  } catch {
    return sendJson(res, entry, 400, {
      error: { message: 'Could not parse multipart form', type: 'invalid_request_error', param: null, code: null },
    })
  }
  const file = form.get('file')
  const model = form.get('model')
  entry.form = {}
  for (const [key, value] of form.entries()) entry.form[key] = typeof value === 'string' ? value : value.size
  if (!(file instanceof Blob) || typeof model !== 'string') {
    return sendJson(res, entry, 400, {
      error: { message: 'file and model are required', type: 'invalid_request_error', param: null, code: null },
    })
  }
  const audio = new Uint8Array(await file.arrayBuffer())
  const format = String(form.get('response_format') ?? 'json')
  if (!(await waitUnlessClosed(ctx.latency().responseMs, res))) return
  if (fault?.kind === 'malformed' || fault?.kind === 'drop') {
    res.writeHead(200, { 'content-type': 'application/json' })
    writeChunk(res, entry, '{"text": "half a transc')
    return fault.kind === 'drop' ? dropConnection(res) : void res.end()
  }
  const heard = transcriptFor(audio, parseWav(audio), ctx.nextTranscript)
  const seconds = Math.round(heard.durationSec * 1000) / 1000
  if (format === 'text') {
    res.writeHead(200, { 'content-type': 'text/plain' })
    writeChunk(res, entry, heard.text)
    return void res.end()
  }
  const usage = model.startsWith('whisper')
    ? { type: 'duration', seconds: Math.ceil(seconds) }
    : {
        type: 'tokens',
        input_tokens: Math.ceil(seconds * 10),
        output_tokens: tokensOf(heard.text),
        total_tokens: Math.ceil(seconds * 10) + tokensOf(heard.text),
      }
  if (format === 'verbose_json') {
    return sendJson(res, entry, 200, {
      task: 'transcribe',
      language: 'english',
      duration: seconds,
      text: heard.text,
      words: heard.words.map((w) => ({ word: w.word, start: w.start, end: w.end })),
      segments: heard.text
        ? [
            {
              id: 0,
              seek: 0,
              start: heard.words[0]?.start ?? 0,
              end: heard.words.at(-1)?.end ?? seconds,
              text: heard.text,
              tokens: [],
              temperature: 0,
              avg_logprob: -0.2,
              compression_ratio: 1.2,
              no_speech_prob: 0.01,
            },
          ]
        : [],
      usage,
    })
  }
  sendJson(res, entry, 200, { text: heard.text, usage })
}

export async function speech({ res, entry, fault, ctx }: RouteCall): Promise<void> {
  const body = entry.json as { model?: string; input?: string; voice?: string; response_format?: string }
  if (!body || typeof body.input !== 'string' || !body.input || typeof body.model !== 'string' || !body.voice) {
    return sendJson(res, entry, 400, {
      error: { message: 'model, input and voice are required', type: 'invalid_request_error', param: null, code: null },
    })
  }
  if (body.input.length > 4096) {
    return sendJson(res, entry, 400, {
      error: {
        message: 'input is longer than 4096 characters',
        type: 'invalid_request_error',
        param: 'input',
        code: null,
      },
    })
  }
  if (fault?.kind === 'malformed') return sendJson(res, entry, 200, { note: 'this is not audio' })
  const latency = ctx.latency()
  const audio = speechBytes(body.input, 24_000, body.response_format === 'pcm' ? 'pcm' : 'wav')
  await streamBytes(res, entry, audio.bytes, {
    contentType: audio.contentType,
    firstByteMs: latency.firstAudioByteMs,
    intervalMs: latency.audioChunkIntervalMs,
    chunkBytes: 4800,
    dropAfterChunks: fault?.kind === 'drop' ? (fault.afterChunks ?? 2) : undefined,
  })
}
