import crypto from 'node:crypto'

/** No 0/O, 1/I/L: a code read aloud or copied from paper is entered right the first time. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const CODE_LENGTH = 8

/** 8 characters from 31: about 2^39.6 codes, unguessable behind the redemption throttle. */
export function generateCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)]
  return code
}

/** Upper case without spaces or dashes; null when it cannot be a code we issue. */
export function normalizeCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '')
  if (compact.length !== CODE_LENGTH) return null
  for (const char of compact) if (!CODE_ALPHABET.includes(char)) return null
  return compact
}

export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/** What the database keeps (and syncs) in place of the code. */
export function hashCode(normalized: string): string {
  return crypto.createHash('sha256').update(`panelist-kiosk-code:${normalized}`).digest('hex')
}
