import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** One message as the server received it: the envelope, the raw bytes and the parsed email. */
export interface ReceivedMail {
  from: string
  to: string[]
  raw: string
  parsed: ParsedMail
  user: string | null
}

export interface SmtpSink {
  port: number
  received: ReceivedMail[]
  /** Starts listening on the sink's port (again). */
  listen(): Promise<void>
  /** Stops listening; connections are refused until listen() is called again. */
  close(): Promise<void>
}

/** A port nothing listens on yet, found by binding 0 and letting it go. */
async function freePort(): Promise<number> {
  const probe = net.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 that keeps what it accepts, parsed with mailparser.
 * Without `auth` it takes mail without signing in; with it, only that user and password.
 */
export async function startSmtpSink(
  options: { down?: boolean; auth?: { user: string; pass: string }; secure?: boolean } = {},
): Promise<SmtpSink> {
  const port = await freePort()
  const received: ReceivedMail[] = []
  let server: SMTPServer | null = null
  const make = () =>
    new SMTPServer({
      // With `secure`, TLS from the first byte on smtp-server's own self-signed certificate.
      secure: options.secure ?? false,
      disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !options.auth,
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass)
          return callback(null, { user: auth.username })
        return callback(new Error('Invalid username or password'))
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8')
          simpleParser(raw)
            .then((parsed) => {
              received.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
                raw,
                parsed,
                user: (session.user as string | undefined) ?? null,
              })
              callback()
            })
            .catch(callback)
        })
      },
    })
  const sink: SmtpSink = {
    port,
    received,
    async listen() {
      server = make()
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject)
        server!.listen(port, '127.0.0.1', () => resolve())
      })
    },
    async close() {
      if (!server) return
      const closing = server
      server = null
      await new Promise<void>((resolve) => closing.close(() => resolve()))
    },
  }
  if (!options.down) await sink.listen()
  return sink
}
