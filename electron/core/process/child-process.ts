import { fork } from 'node:child_process'
import type { CoreProcessHandle } from './client'
import type { FromCore } from './protocol'

/**
 * The core as a Node child process (the web host, benchmarks). Structured-clone serialization
 * carries the same values a utilityProcess port does, byte arrays included.
 */
export function forkCore(entry: string, execArgv: string[] = []): CoreProcessHandle {
  const child = fork(entry, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv })
  return {
    pid: child.pid,
    wire: {
      send: (message) => {
        // A core that has just died can still look connected until Node reads the channel's end;
        // a send then fails with EPIPE, which without a callback would be thrown at the host as an
        // unhandled 'error'. Dropping it is enough: the exit that follows settles every waiting call.
        if (child.connected) child.send(message, () => undefined)
      },
      onMessage: (listener) => child.on('message', (message) => listener(message as FromCore)),
    },
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  }
}
