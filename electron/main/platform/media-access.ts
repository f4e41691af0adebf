import type { SystemPreferences } from 'electron'

export interface MediaAccessAnswer {
  microphone: boolean
  camera: boolean
}

/**
 * On macOS the first use of the camera or microphone raises a system prompt, which the kiosk's
 * always-on-top, refocusing window would cover; asking before the kiosk opens lets the recruiter
 * answer it. Elsewhere the OS does not ask per app, so there is nothing to do (null).
 */
export async function askMediaAccessFirst(
  platform: NodeJS.Platform,
  preferences: Pick<SystemPreferences, 'askForMediaAccess'>,
): Promise<MediaAccessAnswer | null> {
  if (platform !== 'darwin') return null
  // One after the other: macOS shows one prompt at a time.
  const microphone = await preferences.askForMediaAccess('microphone')
  const camera = await preferences.askForMediaAccess('camera')
  return { microphone, camera }
}
