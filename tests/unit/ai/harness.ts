import path from 'node:path'
import { openDatabase } from '@core/db/open'
import { createAiService, type AiOptions, type AiService } from '@core/ai/service'
import { silentLogger } from '@core/logger'
import { createEncryptedSecretStore, createKeyFileCipher } from '@core/settings/encrypted-secret-store'
import type { AiNotice } from '@shared/contract/ai'
import { startAiStub, type AiStub, type AiStubOptions } from '../../harness/ai-stub'
import { tempDir } from '../../helpers/temp-studio'

export const OPENAI_KEY = 'sk-test-openai-0123456789abcdef'
export const DEEPGRAM_KEY = 'dg-test-key-0123456789abcdef'

export interface AiHarness {
  stub: AiStub
  ai: AiService
  notices: AiNotice[]
  clock: { now(): number; advance(ms: number): void }
  dataDir: string
  close(): Promise<void>
}

/** Fast retries and short timeouts so fault tests take milliseconds; everything else is the real thing. */
export const FAST: AiOptions = {
  retry: { baseMs: 5, capMs: 20, maxAttempts: 3, maxRetryAfterMs: 3_000 },
  timeoutsMs: { chat: 1_000, embeddings: 1_000, stt: 1_000, tts: 1_000 },
}

/**
 * The real AI service (real SQLite file, real secret store, real SDKs) pointed at a fresh wire
 * stub. The clock is real time plus a manual offset, so breaker pauses can be skipped.
 */
export async function startAiHarness(
  options: { ai?: AiOptions; stub?: AiStubOptions; keys?: boolean } = {},
): Promise<AiHarness> {
  const stub = await startAiStub(options.stub)
  const dataDir = tempDir('panelist-ai-')
  let offset = 0
  const clock = { now: () => Date.now() + offset, advance: (ms: number) => void (offset += ms) }
  const { db } = await openDatabase({ file: path.join(dataDir, 'panelist.sqlite'), clock, logger: silentLogger })
  const secrets = createEncryptedSecretStore(
    path.join(dataDir, 'secrets.json'),
    createKeyFileCipher(path.join(dataDir, 'secrets.key')),
  )
  if (options.keys ?? true) {
    secrets.set('openai.apiKey', OPENAI_KEY)
    secrets.set('deepgram.apiKey', DEEPGRAM_KEY)
  }
  const notices: AiNotice[] = []
  const ai = await createAiService({
    db,
    secrets,
    clock,
    logger: silentLogger,
    random: () => 0.5,
    resourcesDir: path.resolve(__dirname, '../../../resources'),
    dataDir,
    notify: (n) => notices.push(n),
    openaiBaseUrl: stub.openaiBaseUrl,
    deepgramBaseUrl: stub.deepgramBaseUrl,
    ...FAST,
    ...options.ai,
  })
  return {
    stub,
    ai,
    notices,
    clock,
    dataDir,
    async close() {
      ai.close()
      await stub.close()
      await db.destroy()
    },
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}
