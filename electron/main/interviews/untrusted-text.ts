import crypto from 'node:crypto'

/** Zero-width, bidirectional-override and other invisible characters used to hide instructions. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ue000-\uf8ff]/gu

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '')
}

/**
 * Wraps untrusted text (a resume, a candidate's answer) as labelled data for a prompt. The markers
 * carry a random nonce, so the text cannot close its own fence, and the prompt tells the model that
 * whatever sits between them is data to read, never instructions to follow.
 */
export function fence(label: string, text: string, maxChars: number): string {
  const nonce = crypto.randomBytes(6).toString('hex')
  const body = stripInvisible(text).slice(0, maxChars)
  return `<<<${label} ${nonce}>>>\n${body}\n<<<END ${label} ${nonce}>>>`
}
