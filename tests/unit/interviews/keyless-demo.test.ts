import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GenerationResult } from '@shared/contract/interviews'
import { startAiStub, type AiStub } from '../../harness/ai-stub'
import { createTempStudio } from '../../helpers/temp-studio'

/**
 * The README's keyless demo: the studio talks to the wire stub with nothing scripted. What it shows
 * must read as a demo of the product, not as a broken one.
 */
let stub: AiStub
let studio: Awaited<ReturnType<typeof createTempStudio>>['studio']

beforeAll(async () => {
  stub = await startAiStub()
  studio = (
    await createTempStudio({
      startWorkers: false,
      ai: { openaiBaseUrl: stub.openaiBaseUrl, deepgramBaseUrl: stub.deepgramBaseUrl, keyless: true },
    })
  ).studio
})
afterAll(async () => {
  await studio?.close()
  await stub?.close()
})

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await studio.dispatch(name, input, { audience: 'recruiter' })
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
  return result.value as T
}

describe('the keyless demo', () => {
  it("generates distinct questions about the job's own skills that pass the app's validation", async () => {
    const job = await call<{ id: string }>('jobs.create', {
      title: 'Data analyst',
      description: 'Reporting pipelines in SQL and Python.',
      requiredSkills: [
        { skillId: 'sql', name: 'SQL', weight: 5 },
        { skillId: 'python', name: 'Python', weight: 4 },
      ],
    })
    const template = await call<{ id: string }>('templates.create', { name: 'Analyst round 1', jobId: job.id })
    const result = await call<GenerationResult>('questions.generate', {
      templateId: template.id,
      difficulty: 'standard',
      count: 3,
    })
    const questions = result.template.questions
    expect(questions.length).toBeGreaterThanOrEqual(2)
    expect(new Set(questions.map((q) => q.text)).size).toBe(questions.length)
    expect(questions.map((q) => q.skill)).toEqual(expect.arrayContaining(['SQL', 'Python']))
    for (const question of questions) {
      expect(question.text).toContain(question.skill)
      expect(question.text).not.toMatch(/sample answer/i)
    }
  })

  it('transcribes each answer as numbered demo text, never the same sentence twice', async () => {
    const heard: string[] = []
    for (let i = 0; i < 2; i++) {
      const wav = toneWav()
      const response = await fetch(`${stub.openaiBaseUrl}/audio/transcriptions`, {
        method: 'POST',
        headers: { authorization: 'Bearer demo' },
        body: formWith(wav),
      })
      heard.push(((await response.json()) as { text: string }).text)
    }
    expect(heard[0]).toMatch(/^\[Demo transcript \d+\]/)
    expect(heard[1]).not.toBe(heard[0])
  })
})

/** One second of a loud 440 Hz tone as 16-bit mono WAV: the stub "hears" speech in it. */
function toneWav(): Uint8Array {
  const rate = 16_000
  const samples = rate
  const buffer = Buffer.alloc(44 + samples * 2)
  buffer.write('RIFF', 0)
  buffer.writeUInt32LE(36 + samples * 2, 4)
  buffer.write('WAVEfmt ', 8)
  buffer.writeUInt32LE(16, 16)
  buffer.writeUInt16LE(1, 20)
  buffer.writeUInt16LE(1, 22)
  buffer.writeUInt32LE(rate, 24)
  buffer.writeUInt32LE(rate * 2, 28)
  buffer.writeUInt16LE(2, 32)
  buffer.writeUInt16LE(16, 34)
  buffer.write('data', 36)
  buffer.writeUInt32LE(samples * 2, 40)
  for (let i = 0; i < samples; i++)
    buffer.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 12_000), 44 + i * 2)
  return buffer
}

function formWith(wav: Uint8Array): FormData {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(wav)], { type: 'audio/wav' }), 'answer.wav')
  form.append('model', 'whisper-1')
  return form
}
