import { createPrivately } from '../data-folder/private-modes'
import { createLogger } from '../logger'
import { serveCore } from './core-process'
import type { FromCore, ToCore, Wire } from './protocol'

/**
 * The core process's entry (out/main/core.js). Electron starts it as a utilityProcess, which has
 * `process.parentPort`; the web host forks it with an IPC channel. Either way it speaks the same
 * protocol, and it ends when its host does: a core without a host has no one to answer.
 */

interface ParentPort {
  on(event: 'message', listener: (event: { data: ToCore }) => void): void
  postMessage(message: FromCore): void
}

createPrivately()

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort
let unsent = 0
let drained: (() => void) | null = null

const wire: Wire<FromCore, ToCore> = parentPort
  ? {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
    }
  : {
      send(message) {
        if (!process.connected) return
        unsent++
        process.send!(message, undefined, {}, () => {
          if (--unsent === 0) drained?.()
        })
      },
      onMessage: (listener) => process.on('message', (message) => listener(message as ToCore)),
    }

// Messages already handed to the channel (the last result, `stopped`) are sent before exiting.
const exit = (code: number) => {
  if (unsent === 0) process.exit(code)
  drained = () => process.exit(code)
}

if (!parentPort) process.on('disconnect', () => process.exit(0))
serveCore(wire, { logger: (knownSecrets) => createLogger({ knownSecrets }), exit })
