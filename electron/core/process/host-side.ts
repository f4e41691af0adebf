import { preferencesSchema, storedSecretNameSchema } from '../../../shared/contract/foundation'
import { StudioError } from '../../../shared/contract'
import type { SaveReportPdf } from '../assessment/compare/save-report-pdf'
import type { PreferenceStore, SecretStore } from '../settings/types'
import type { UpdatesHost } from '../updates/app'
import type { CoreConfig, HostCallName, HostCalls } from './protocol'

/** What a host keeps for itself and lends the core: its stores and its windows. */
export interface HostServices {
  secrets: SecretStore
  preferenceStore: PreferenceStore
  exitKiosk: () => void
  openKiosk?: () => Promise<{ url: string | null }>
  chooseResumePaths?: (kind: 'files' | 'folder') => Promise<string[]>
  saveReportPdf?: SaveReportPdf
  updates?: UpdatesHost
}

export type HostCallHandlers = {
  [M in HostCallName]: (args: HostCalls[M]['args']) => Promise<HostCalls[M]['result']> | HostCalls[M]['result']
}

const updatesOf = (services: HostServices): UpdatesHost => {
  if (!services.updates) throw new StudioError('unavailable', 'This host does not update itself.')
  return services.updates
}

/** The answers a host gives the core's calls; the core already refuses abilities the host lacks. */
export function hostCallHandlers(services: HostServices): HostCallHandlers {
  return {
    'secrets.set': async ({ name, value }) => {
      await services.secrets.set(storedSecretNameSchema.parse(name), String(value))
      return null
    },
    'secrets.clear': async ({ name }) => {
      await services.secrets.clear(storedSecretNameSchema.parse(name))
      return null
    },
    'preferences.write': async ({ value }) => {
      await services.preferenceStore.write(preferencesSchema.parse(value))
      return null
    },
    'kiosk.open': () => {
      if (!services.openKiosk) throw new StudioError('unavailable', 'This host cannot open a kiosk.')
      return services.openKiosk()
    },
    'kiosk.exit': () => {
      services.exitKiosk()
      return null
    },
    'resumes.choose': ({ kind }) => {
      if (!services.chooseResumePaths) throw new StudioError('unavailable', 'This host cannot open a file dialog.')
      return services.chooseResumePaths(kind)
    },
    'report.savePdf': (request) => {
      if (!services.saveReportPdf) throw new StudioError('unavailable', 'This host cannot save a PDF.')
      return services.saveReportPdf(request)
    },
    'updates.get': () => updatesOf(services).get(),
    'updates.check': () => updatesOf(services).check(),
    'updates.restart': () => updatesOf(services).restart(),
  }
}

/** Every secret the host holds, for the core's start message. */
export function secretSnapshot(secrets: SecretStore): CoreConfig['secrets'] {
  const snapshot: CoreConfig['secrets'] = {}
  for (const name of storedSecretNameSchema.options) {
    const value = secrets.get(name)
    if (value !== undefined) snapshot[name] = value
  }
  return snapshot
}
