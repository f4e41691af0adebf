import type { Page } from 'playwright-core'
import { budget } from './patience'

/** Walks a kiosk page from its code to the first question: code, consent and device check, practice skipped. */
export async function enterInterview(page: Page, code: string): Promise<void> {
  await enterConsent(page, code)
  await page.getByText('We can hear you.').waitFor({ timeout: budget(20_000) })
  await page.getByRole('button', { name: 'Play test sound' }).click()
  await page.getByRole('button', { name: 'I heard it' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Skip practice and start' }).click()
}

/** Walks a kiosk page from its code through consent, up to the device check. */
export async function enterConsent(page: Page, code: string): Promise<void> {
  await page.getByLabel('Interview code').fill(code)
  await page.getByRole('button', { name: 'Start' }).click()
  await page.getByLabel(/I have read this and agree/).check()
  await page.getByRole('button', { name: 'I agree, continue' }).click()
}

/**
 * The page's microphone becomes an audio graph the test plays real speech into; the camera stays
 * Chromium's fake device. Everything after getUserMedia (capture worklet, level meter, streaming)
 * is the kiosk's own code.
 */
export async function controlledMicrophone(page: Page) {
  await page.addInitScript(() => {
    const media = navigator.mediaDevices
    const original = media.getUserMedia.bind(media)
    let context: AudioContext | null = null
    let destination: MediaStreamAudioDestinationNode | null = null
    media.getUserMedia = async (constraints) => {
      context ??= new AudioContext({ sampleRate: 48_000 })
      // A new track each time: the kiosk stops the last one when a candidate leaves.
      destination = context.createMediaStreamDestination()
      const camera = constraints?.video ? (await original({ video: constraints.video })).getVideoTracks() : []
      return new MediaStream([...destination.stream.getAudioTracks(), ...camera])
    }
    ;(window as unknown as { __say: (pcm: number[]) => Promise<void> }).__say = async (pcm) => {
      if (!context || !destination) throw new Error('the microphone is not open yet')
      // Created inside getUserMedia, the context may start suspended until something resumes it.
      await context.resume()
      const samples = Int16Array.from(pcm)
      const buffer = context.createBuffer(1, samples.length, 48_000)
      buffer.getChannelData(0).set(Float32Array.from(samples, (s) => s / 32768))
      const source = context.createBufferSource()
      source.buffer = buffer
      source.connect(destination)
      await new Promise<void>((resolve) => {
        source.onended = () => resolve()
        source.start()
      })
    }
  })
}

/** Plays 48 kHz 16-bit mono PCM into the page's microphone; resolves when it has been played. */
export const say = (page: Page, pcm: Uint8Array) =>
  page.evaluate(
    (samples) => (window as unknown as { __say: (pcm: number[]) => Promise<void> }).__say(samples),
    Array.from(new Int16Array(pcm.buffer, pcm.byteOffset, pcm.byteLength / 2)),
  )

/**
 * A one-question interview answered aloud, from the code to the thank-you: consent, the device check
 * (the candidate says hello and hears the test sound), practice skipped, then the answer.
 */
export async function speakOneAnswer(
  page: Page,
  code: string,
  name: string,
  speech: { hello: Uint8Array; answer: Uint8Array },
): Promise<void> {
  await enterConsent(page, code)
  await page.getByText('Waiting to hear you').waitFor()
  await say(page, speech.hello)
  await page.getByText('We can hear you.').waitFor()
  await page.getByRole('button', { name: 'Play test sound' }).click()
  await page.getByRole('button', { name: 'I heard it' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Skip practice and start' }).click()
  await page.locator('.kiosk-phase', { hasText: 'Listening' }).waitFor({ timeout: budget(30_000) })
  await say(page, speech.answer)
  await page.getByRole('heading', { name: `Thank you, ${name}` }).waitFor({ timeout: budget(60_000) })
}
