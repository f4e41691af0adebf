import type { DomainApp } from '../ipc/dispatcher'
import { createAiService, type AiService, type AiServiceDeps } from './service'

export interface AiApp extends DomainApp<'ai'> {
  /** Chat, embeddings, speech-to-text and text-to-speech for every domain, with accounting and settings. */
  service: AiService
}

/** The AI service, and the Settings screen's requests about it. Keys themselves go through `secrets.set`; nothing here returns one. */
export async function createApp(deps: AiServiceDeps): Promise<AiApp> {
  const ai = await createAiService(deps)
  return {
    service: ai,
    handlers: {
      'ai.getSettings': () => ai.view(),
      'ai.updateSettings': (patch) => ai.updateSettings(patch),
      'ai.testConnection': ({ capability }) => ai.testConnection(capability),
      'ai.usage': ({ month }) => ai.usageSummary(month),
    },
  }
}
