import { startAiStub, type AiStub } from './server'
import type { StubLatency } from './types'

export { startAiStub, type AiStub } from './server'
export { demoTranscript } from './transcripts'
export type { AiStubOptions, ChatRule, StubFault, StubLatency, StubRequestLog, StubRoute, StubScript } from './types'

/** Latencies like the real services on a good day, so a demo feels like the product. */
export const DEMO_LATENCY: Partial<StubLatency> = {
  firstTokenMs: 300,
  tokenIntervalMs: 33,
  responseMs: 250,
  firstAudioByteMs: 150,
  audioChunkIntervalMs: 40,
  sttFinalDelayMs: 150,
}

export interface DemoAiBackend {
  openaiBaseUrl: string
  deepgramBaseUrl: string
  stub: AiStub
  close(): Promise<void>
}

/**
 * The keyless demo backend for the web host: the wire stub with realistic latencies. Pass the URLs
 * to createStudio as `ai: { openaiBaseUrl, deepgramBaseUrl, keyless: true }`.
 */
export async function startDemoAiBackend(latency: Partial<StubLatency> = DEMO_LATENCY): Promise<DemoAiBackend> {
  const stub = await startAiStub({ latency })
  return { openaiBaseUrl: stub.openaiBaseUrl, deepgramBaseUrl: stub.deepgramBaseUrl, stub, close: () => stub.close() }
}
