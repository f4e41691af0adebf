import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { forkCore } from '@core/process/child-process'

const CHILD = path.join(__dirname, 'fixtures', 'idle-child.cjs')
const linux = process.platform === 'linux'
// Each try meets the failing moment about seven times in ten; eight tries all miss it about once in 15,000 runs.
const TRIES = 8

/** Whether the kernel has the process as a zombie: dead, its end of every pipe closed, not yet reaped. */
const isZombie = (pid: number) => /^\d+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))

/** Kills an idle child, then sends to it once per turn of the event loop until its exit is reported. */
async function sendToTheDead(): Promise<number | null> {
  const handle = forkCore(CHILD)
  await new Promise<void>((resolve) => handle.wire.onMessage(() => resolve()))
  let exitCode: number | null | undefined
  const exited = new Promise<number | null>((resolve) => handle.onExit(resolve)).then((code) => (exitCode = code))
  handle.kill()
  // Without yielding to the event loop, so Node still believes the channel is open.
  while (!isZombie(handle.pid!)) {
    // spin until the kernel has ended it
  }
  // The first write fails quietly; the next, before Node has read the channel's end, fails at once.
  for (let turn = 0; turn < 50 && exitCode === undefined; turn++) {
    handle.wire.send({ type: 'stop' })
    await new Promise((resolve) => setImmediate(resolve))
  }
  return exited
}

describe.skipIf(!linux)(`the core's channel${linux ? '' : ' [needs Linux /proc]'}`, () => {
  // In CI the web host died of an unhandled EPIPE: it sent a request to a core that had just been
  // killed, before Node had seen the exit, so the host never restarted the core. An 'error' event
  // nobody handles fails this file (vitest reports it as an unhandled error).
  it('drops messages sent to a core that died a moment ago, and still reports the exit', async () => {
    for (let i = 0; i < TRIES; i++) expect(await sendToTheDead()).toBeNull()
  })
})
