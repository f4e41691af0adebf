import type { AppInfo, StoredSecretName } from '../../../shared/contract/foundation'
import type { UpdateView } from '../../../shared/contract/updates'
import type { EventName, Result, StudioErrorShape } from '../../../shared/contract'
import type { AiOptions } from '../ai/service'
import type { CallContext } from '../ipc/dispatcher'
import type { VoiceOptions } from '../voice/voice-session'

/**
 * The one message protocol between a host (Electron's main process, the web host) and the core
 * running in its own process. Messages travel by structured clone (utilityProcess ports, or
 * child_process IPC with `serialization: 'advanced'`), so they are plain data.
 */

/** What the core needs to start: everything that is not a live object. Stores arrive as snapshots. */
export interface CoreConfig {
  dataDir: string
  resourcesDir: string
  host: AppInfo['host']
  version?: string
  ai?: AiOptions
  voice?: Partial<VoiceOptions>
  /** The team workspace's Supabase project (URL and anon key); absent, sync is off. */
  sync?: { url: string; anonKey: string }
  /** The host's secrets as they stand; the host keeps the real store (safeStorage lives in Electron's main). */
  secrets: Partial<Record<StoredSecretName, string>>
  /** The preferences document as the host's store reads it. */
  preferences: unknown
  /** Host abilities the core may ask for; absent ones are refused by the core itself. */
  abilities: { openKiosk: boolean; chooseResumePaths: boolean; savePdf?: boolean; updates: boolean }
}

/** Things the core asks of its host, with their arguments and answers. */
export interface HostCalls {
  'secrets.set': { args: { name: StoredSecretName; value: string }; result: null }
  'secrets.clear': { args: { name: StoredSecretName }; result: null }
  'preferences.write': { args: { value: unknown }; result: null }
  'kiosk.open': { args: Record<string, never>; result: { url: string | null } }
  'kiosk.exit': { args: Record<string, never>; result: null }
  'resumes.choose': { args: { kind: 'files' | 'folder' }; result: string[] }
  'report.savePdf': { args: { connection: string; fileName: string }; result: { saved: boolean } }
  'updates.get': { args: Record<string, never>; result: UpdateView }
  'updates.check': { args: Record<string, never>; result: UpdateView }
  'updates.restart': { args: Record<string, never>; result: { restarting: true } }
}
export type HostCallName = keyof HostCalls

export type ToCore =
  | { type: 'start'; config: CoreConfig }
  | { type: 'dispatch'; id: number; name: unknown; input: unknown; ctx: CallContext }
  | { type: 'kiosk-signal'; connection: string; kind: string }
  | { type: 'open-files'; paths: string[] }
  | { type: 'reply'; id: number; result: Result<unknown> }
  | { type: 'stop' }

export type FromCore =
  | { type: 'ready'; info: AppInfo }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; name: EventName; payload: unknown; target?: string }
  | { type: 'call'; id: number; method: HostCallName; args: unknown }
  | { type: 'stopped' }

/** Either end of the wire: a utilityProcess's parentPort, a child's `process`, or their host-side handles. */
export interface Wire<Out, In> {
  send(message: Out): void
  onMessage(listener: (message: In) => void): void
}

export const errorResult = (error: StudioErrorShape): Extract<Result<never>, { ok: false }> => ({ ok: false, error })
