import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { StudioBridge } from '@shared/bridge'
import { CHANNEL_EVENT, CHANNEL_INVOKE } from '@shared/contract'

/**
 * Runs the real preload against stand-ins for the two Electron objects it touches (contextBridge
 * and ipcRenderer), and checks what the page ends up with.
 */
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>()
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>()
  const invoked: unknown[][] = []
  return {
    exposed,
    invoked,
    emit: (channel: string, ...args: unknown[]) =>
      listeners.get(channel)?.forEach((l) => l({ sender: 'ipc-internals' }, ...args)),
    listenerCount: (channel: string) => listeners.get(channel)?.length ?? 0,
    module: {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        on: (channel: string, listener: (...args: unknown[]) => void) =>
          listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
        invoke: (...args: unknown[]) => {
          invoked.push(args)
          return Promise.resolve({ ok: true, value: 'from main' })
        },
      },
    },
  }
})

vi.mock('electron', () => electron.module)

let studio: StudioBridge

beforeAll(async () => {
  await import('../../../electron/preload/index')
  studio = electron.exposed.get('studio') as StudioBridge
})

describe('preload', () => {
  it('exposes window.studio with exactly invoke and on, and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['studio'])
    expect(Object.keys(studio).sort()).toEqual(['invoke', 'on'])
  })

  it('sends invocations on the one invoke channel and refuses non-string names locally', async () => {
    await expect(studio.invoke('settings.get', {})).resolves.toEqual({ ok: true, value: 'from main' })
    expect(electron.invoked).toEqual([[CHANNEL_INVOKE, 'settings.get', {}]])
    await expect(studio.invoke({ toString: () => 'settings.get' } as unknown as string, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_request' },
    })
    expect(electron.invoked).toHaveLength(1)
  })

  it('subscribes only to events in the contract, hands over the payload alone, and unsubscribes', () => {
    expect(() => studio.on('ipc.anything', () => {})).toThrow(TypeError)
    expect(() => studio.on('__proto__', () => {})).toThrow(TypeError)

    const received: unknown[] = []
    const broken = studio.on('queue.job', () => {
      throw new Error('a subscriber that fails first')
    })
    const off = studio.on('queue.job', (payload) => received.push(payload))
    const quietConsole = vi.spyOn(console, 'error').mockImplementation(() => {})
    electron.emit(CHANNEL_EVENT, 'queue.job', { id: 'j1' })
    electron.emit(CHANNEL_EVENT, 'screening.ranked', { id: 'other event' })
    off()
    broken()
    electron.emit(CHANNEL_EVENT, 'queue.job', { id: 'j2' })
    quietConsole.mockRestore()

    expect(received).toEqual([{ id: 'j1' }])
    expect(electron.listenerCount(CHANNEL_EVENT)).toBe(1)
  })
})
