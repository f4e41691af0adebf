import { randomUUID } from 'node:crypto'
import { parseWav } from '@core/audio/wav'
import { speechBytes } from './audio'
import { dropConnection, sendJson, streamBytes, waitUnlessClosed, writeChunk } from './http'
import type { RouteCall } from './openai-routes'
import { transcriptFor } from './transcripts'

export const deepgramModelInfo = (model: string) => ({ name: `general-${model}`, version: '2025-01-01.0', arch: model })

/** Raw linear16 has no header; Deepgram reads its format from the query, and so does the stub. */
function rawPcmInfo(query: Record<string, string>, bytes: number) {
  if (query.encoding !== 'linear16' || !query.sample_rate) return null
  const sampleRate = Number(query.sample_rate)
  const channels = Number(query.channels ?? 1)
  return {
    sampleRate,
    channels,
    bitsPerSample: 16,
    dataOffset: 0,
    dataBytes: bytes,
    durationSec: bytes / (sampleRate * channels * 2),
  }
}

export async function listen({ body, res, entry, fault, ctx }: RouteCall): Promise<void> {
  if (!body.length)
    return sendJson(res, entry, 400, {
      err_code: 'Bad Request',
      err_msg: 'Bad Request: failed to process audio: corrupt or unsupported data',
      request_id: randomUUID(),
    })
  if (!(await waitUnlessClosed(ctx.latency().responseMs, res))) return
  if (fault?.kind === 'malformed' || fault?.kind === 'drop') {
    res.writeHead(200, { 'content-type': 'application/json' })
    writeChunk(res, entry, '{"metadata": {"duration": 1.0}, "results": {"channels": [')
    return fault.kind === 'drop' ? dropConnection(res) : void res.end()
  }
  const audio = new Uint8Array(body)
  const model = entry.query.model ?? 'base'
  const heard = transcriptFor(audio, parseWav(audio) ?? rawPcmInfo(entry.query, audio.byteLength), ctx.nextTranscript)
  const requestId = randomUUID()
  sendJson(
    res,
    entry,
    200,
    {
      metadata: {
        transaction_key: 'deprecated',
        request_id: requestId,
        sha256: 'stub',
        created: new Date().toISOString(),
        duration: Math.round(heard.durationSec * 1000) / 1000,
        channels: 1,
        models: [randomUUID()],
        model_info: { stub: deepgramModelInfo(model) },
      },
      results: {
        channels: [
          {
            alternatives: [
              {
                transcript: heard.text,
                confidence: heard.text ? 0.98 : 0,
                words: heard.words.map((w) => ({ ...w, punctuated_word: w.word })),
              },
            ],
          },
        ],
      },
    },
    { 'dg-request-id': requestId },
  )
}

export async function speak({ res, entry, fault, ctx }: RouteCall): Promise<void> {
  const body = entry.json as { text?: unknown }
  if (!body || typeof body.text !== 'string' || !body.text.trim()) {
    return sendJson(res, entry, 400, {
      err_code: 'INVALID_INPUT',
      err_msg: 'Text is required',
      request_id: randomUUID(),
    })
  }
  if (body.text.length > 2000) {
    return sendJson(res, entry, 413, {
      err_code: 'PAYLOAD_TOO_LARGE',
      err_msg: 'Text is longer than 2000 characters',
      request_id: randomUUID(),
    })
  }
  if (fault?.kind === 'malformed') return sendJson(res, entry, 200, { note: 'this is not audio' })
  const raw = entry.query.encoding === 'linear16' && entry.query.container === 'none'
  const sampleRate = Number(entry.query.sample_rate ?? 24_000)
  const audio = speechBytes(body.text, sampleRate, raw ? 'pcm' : 'wav')
  const latency = ctx.latency()
  await streamBytes(res, entry, audio.bytes, {
    contentType: audio.contentType,
    firstByteMs: latency.firstAudioByteMs,
    intervalMs: latency.audioChunkIntervalMs,
    chunkBytes: Math.round(sampleRate * 0.2),
    dropAfterChunks: fault?.kind === 'drop' ? (fault.afterChunks ?? 2) : undefined,
  })
}
