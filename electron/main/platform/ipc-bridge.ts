import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron'
import { CHANNEL_INVOKE, type Result } from '../../../shared/contract'
import type { Dispatch } from '../../core/ipc/dispatcher'
import type { Logger } from '../../core/logger'
import { verifySender, type SenderFrame } from './ipc-sender'
import type { WindowRegistry } from './window-registry'

const frameFacts = (event: IpcMainInvokeEvent): SenderFrame | null => {
  const frame: WebFrameMain | null = event.senderFrame
  if (!frame) return null
  const main = event.sender.mainFrame
  return {
    url: frame.url,
    isMainFrame: frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId,
    detached: frame.detached,
  }
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This sender may not call the studio.' },
}

/**
 * The one IPC entry point: every request is checked for its sender (one of our windows' main
 * frames, on our origin) and then dispatched as that window's audience. Replies are always a
 * Result; nothing is thrown back across the bridge.
 */
export function installStudioBridge(options: {
  ipcMain: IpcMain
  dispatch: Dispatch
  windows: WindowRegistry
  origins: readonly string[]
  logger: Logger
}): () => void {
  const { ipcMain, logger } = options
  ipcMain.handle(CHANNEL_INVOKE, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    const verdict = verifySender(frameFacts(event), options.windows.audienceOf(event.sender), options.origins)
    if (!verdict.ok) {
      logger.warn('refused an IPC request', { reason: verdict.reason, name: String(name).slice(0, 80) })
      return FORBIDDEN
    }
    return options.dispatch(name, input, { audience: verdict.audience, connection: String(event.sender.id) })
  })
  return () => ipcMain.removeHandler(CHANNEL_INVOKE)
}
