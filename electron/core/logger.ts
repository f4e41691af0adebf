export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

/** Patterns of credentials that must never reach a log even if a caller passes them by mistake. */
const KEY_PATTERNS = [/sk-[A-Za-z0-9_-]{8,}/g, /\b(?:Token|Bearer)\s+[A-Za-z0-9._-]{8,}/gi]

export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = text
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]')
  for (const pattern of KEY_PATTERNS) out = out.replace(pattern, '[redacted]')
  return out
}

export interface LoggerOptions {
  write?: (line: string) => void
  minLevel?: LogLevel
  /** Current secret values, read at log time so newly set keys are masked too. */
  knownSecrets?: () => Iterable<string>
}

const ORDER: LogLevel[] = ['debug', 'info', 'warn', 'error']

/** A JSON-lines logger that redacts credentials from every line it writes. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'))
  const min = ORDER.indexOf(options.minLevel ?? 'info')
  const log = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (ORDER.indexOf(level) < min) return
    const line = JSON.stringify({ t: new Date().toISOString(), level, message, ...fields })
    write(redact(line, options.knownSecrets?.() ?? []))
  }
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }
