import { utilityProcess } from 'electron'
import type { CoreProcessHandle } from '../../core/process/client'
import type { FromCore } from '../../core/process/protocol'

/**
 * The core as an Electron utilityProcess (as Actual forks its server): Node without a window, off
 * the main thread that keeps every window responsive. Main relays each window's requests to it
 * after checking the sender frame, request by request, which a port handed to the page could not.
 */
export function utilityCore(entry: string): CoreProcessHandle {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Panelist core', stdio: 'inherit' })
  let alive = true
  child.once('exit', () => (alive = false))
  return {
    pid: child.pid,
    wire: {
      send: (message) => {
        if (alive) child.postMessage(message)
      },
      onMessage: (listener) => child.on('message', (message: FromCore) => listener(message)),
    },
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  }
}
