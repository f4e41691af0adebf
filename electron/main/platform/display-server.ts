/** Where Linux draws the app's windows: a Wayland compositor, X11 (XWayland included), or another OS. */
export type DisplayServer = 'wayland' | 'x11' | 'native'

export interface DisplayServerChoice {
  /** The value for Chromium's --ozone-platform switch, or null to leave Electron's default. */
  ozoneSwitch: 'x11' | null
  /** What the windows will run on once that switch applies. */
  displayServer: DisplayServer
}

/**
 * Electron 38+ runs natively on Wayland, where an app cannot keep its window on top or take the
 * focus back, so the kiosk's guards would not hold. In a Wayland session the app asks for X11
 * (XWayland) instead, unless PANELIST_OZONE_PLATFORM=wayland asks for Wayland on purpose.
 */
export function chooseDisplayServer(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): DisplayServerChoice {
  if (platform !== 'linux') return { ozoneSwitch: null, displayServer: 'native' }
  const wayland = env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY)
  if (!wayland) return { ozoneSwitch: null, displayServer: 'x11' }
  const xwayland = Boolean(env.DISPLAY)
  if (env.PANELIST_OZONE_PLATFORM === 'wayland' || !xwayland) return { ozoneSwitch: null, displayServer: 'wayland' }
  return { ozoneSwitch: 'x11', displayServer: 'x11' }
}
