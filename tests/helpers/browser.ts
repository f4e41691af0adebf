import fs from 'node:fs'
import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core'

export const CHROMIUM = process.env.PANELIST_CHROMIUM ?? '/usr/bin/chromium'

/** Flags that keep Debian's Chromium quiet on a machine with no network and no GPU. */
const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

/**
 * Launches the system Chromium. A missing browser fails the test loudly: CI installs it, and a
 * browser suite that silently skips would hide a broken UI.
 */
export async function launchChromium(extraArgs: string[] = [], options: LaunchOptions = {}): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`)
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...BASE_ARGS, ...extraArgs], ...options })
}

/**
 * Chromium for the kiosk: camera and microphone granted without a prompt (Chromium's fake devices;
 * the microphone plays `micFile` in a loop when given) and sound allowed without a click.
 */
export function launchKioskChromium(micFile?: string): Promise<Browser> {
  return launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    ...(micFile ? [`--use-file-for-fake-audio-capture=${micFile}`] : []),
    '--autoplay-policy=no-user-gesture-required',
  ])
}

/**
 * A new tab on the recruiter's shell at `url`, once its navigation is there, with the page errors it
 * raises collected (a test expects none). `beforeLoad` runs on the tab before it loads (to route its
 * connection to the host, say).
 */
export async function openRecruiter(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 900 },
  beforeLoad?: (page: Page) => Promise<void>,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport })
  await beforeLoad?.(page)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url)
  await page.getByRole('navigation', { name: 'Areas' }).waitFor()
  return { page, errors }
}
