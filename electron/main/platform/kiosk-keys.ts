/** The parts of Electron's `Input` (before-input-event) the kiosk decision reads. */
export interface KeyInput {
  type: string
  key: string
  code?: string
  control: boolean
  meta: boolean
  alt: boolean
  shift: boolean
}

export type KioskEscape =
  | 'close-window'
  | 'quit'
  | 'reload'
  | 'devtools'
  | 'fullscreen'
  | 'switch-app'
  | 'window-menu'
  | 'hide'
  | 'minimize'
  | 'new-window'
  | 'print'
  | 'view-source'

const FUNCTION_KEYS: Readonly<Record<string, KioskEscape>> = {
  F5: 'reload',
  F11: 'fullscreen',
  F12: 'devtools',
}

/** Letters that leave, reload or inspect the window with Ctrl (Windows, Linux) or Cmd (macOS). */
const COMMAND_LETTERS: Readonly<Record<string, KioskEscape>> = {
  w: 'close-window',
  q: 'quit',
  r: 'reload',
  h: 'hide',
  m: 'minimize',
  n: 'new-window',
  t: 'new-window',
  p: 'print',
  u: 'view-source',
}

/** With Shift (Ctrl+Shift+I, ...) or Alt (Cmd+Alt+I on macOS) these open the developer tools. */
const DEVTOOLS_LETTERS = new Set(['i', 'j', 'c'])

/**
 * Names the shortcut if it would leave, reload or inspect the kiosk, else null. Escape is not one:
 * it leaves only a page's own full screen, never a kiosk window's, and the recruiter's PIN dialog
 * closes with it. Both Ctrl and Cmd
 * count on every platform, since one kiosk build serves all of them. Ctrl+Alt+Del, Cmd+Tab and
 * touchpad gestures never reach the app: those are detected afterwards (blur), not blocked here.
 */
export function kioskEscape(input: KeyInput): KioskEscape | null {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return null
  // Option on macOS turns letters into symbols (Option+I is "ˆ"), so letters are read from the
  // physical key code when Electron provides it.
  const letter = /^Key([A-Z])$/.exec(input.code ?? '')?.[1]?.toLowerCase()
  const key = letter ?? (input.key.length === 1 ? input.key.toLowerCase() : input.key)
  const command = input.control || input.meta

  const functionKey = FUNCTION_KEYS[key]
  if (functionKey) return functionKey
  if (key === 'F4' && (input.alt || command)) return 'close-window'
  if (key === 'Tab' && (input.alt || input.meta)) return 'switch-app'
  if (key === ' ' && input.alt) return 'window-menu'
  if (!command) return null

  if (DEVTOOLS_LETTERS.has(key) && (input.shift || input.alt)) return 'devtools'
  if (key === 'f' && input.control && input.meta) return 'fullscreen'
  return COMMAND_LETTERS[key] ?? null
}
