import { describe, expect, it } from 'vitest'
import { kioskEscape, type KeyInput } from '@main/platform/kiosk-keys'

const key = (k: string, mods: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
})

describe('kiosk shortcuts', () => {
  it.each([
    ['Alt+F4', key('F4', { alt: true }), 'close-window'],
    ['Ctrl+W', key('w', { control: true }), 'close-window'],
    ['Cmd+W', key('w', { meta: true }), 'close-window'],
    ['Ctrl+Q', key('q', { control: true }), 'quit'],
    ['Cmd+Q', key('Q', { meta: true, shift: true }), 'quit'],
    ['Ctrl+R', key('r', { control: true }), 'reload'],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true }), 'reload'],
    ['F5', key('F5'), 'reload'],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true }), 'devtools'],
    ['Cmd+Alt+I (macOS sends a symbol)', key('ˆ', { meta: true, alt: true, code: 'KeyI' }), 'devtools'],
    ['Ctrl+Shift+J', key('J', { control: true, shift: true }), 'devtools'],
    ['F12', key('F12'), 'devtools'],
    ['F11', key('F11'), 'fullscreen'],
    ['Ctrl+Cmd+F', key('f', { control: true, meta: true }), 'fullscreen'],
    ['Alt+Tab', key('Tab', { alt: true }), 'switch-app'],
    ['Cmd+Tab', key('Tab', { meta: true }), 'switch-app'],
    ['Alt+Space', key(' ', { alt: true }), 'window-menu'],
    ['Cmd+H', key('h', { meta: true }), 'hide'],
    ['Cmd+M', key('m', { meta: true }), 'minimize'],
    ['Ctrl+N', key('n', { control: true }), 'new-window'],
    ['Ctrl+P', key('p', { control: true }), 'print'],
  ] as const)('swallows %s', (_name, input, expected) => {
    expect(kioskEscape(input)).toBe(expected)
  })

  it.each([
    ['typing a letter', key('w')],
    ['a capital letter', key('Q', { shift: true })],
    ['Enter', key('Enter')],
    ['Space', key(' ')],
    ['Tab between fields', key('Tab')],
    ['Shift+Tab', key('Tab', { shift: true })],
    ['arrow keys', key('ArrowLeft')],
    ['F4 alone', key('F4')],
    ['copy', key('c', { control: true })],
    ['paste', key('v', { control: true })],
    ['select all', key('a', { control: true })],
    ['undo', key('z', { meta: true })],
    // A kiosk window's full screen does not end on Escape; the PIN dialog closes with it.
    ['Escape', key('Escape')],
  ] as const)('lets %s through', (_name, input) => {
    expect(kioskEscape(input)).toBeNull()
  })

  it('decides on key down only, so a release is not counted twice', () => {
    expect(kioskEscape({ ...key('F5'), type: 'keyUp' })).toBeNull()
    expect(kioskEscape({ ...key('F5'), type: 'rawKeyDown' })).toBe('reload')
  })
})
