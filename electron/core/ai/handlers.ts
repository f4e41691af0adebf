import type { Handlers } from '../ipc/dispatcher'
import type { AiService } from './service'

type AiHandlers = Pick<Handlers, 'ai.getSettings' | 'ai.updateSettings' | 'ai.testConnection' | 'ai.usage'>

/** The Settings screen's requests. Keys themselves go through `secrets.set`; nothing here returns one. */
export function createAiHandlers(ai: AiService): AiHandlers {
  return {
    'ai.getSettings': () => ai.view(),
    'ai.updateSettings': (patch) => ai.updateSettings(patch),
    'ai.testConnection': ({ capability }) => ai.testConnection(capability),
    'ai.usage': ({ month }) => ai.usageSummary(month),
  }
}
