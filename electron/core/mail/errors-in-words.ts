/**
 * What went wrong with an SMTP attempt, in words a recruiter can act on, and whether trying again
 * later can help. nodemailer's errors carry a `code` (ECONNECTION, EAUTH, …) and, when the server
 * answered, its `responseCode` and `response`.
 */
export interface SmtpFailure {
  message: string
  /** The server refused for good (5xx, a bad password, a refused address): retrying the same thing will not help. */
  permanent: boolean
}

interface NodemailerError {
  code?: string
  responseCode?: number
  response?: string
  message?: string
  command?: string
}

const where = (server: { host: string; port: number }) => `${server.host}:${server.port}`

export function describeSmtpFailure(error: unknown, server: { host: string; port: number }): SmtpFailure {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as NodemailerError
  const said = e.response ? ` The server said: "${e.response.slice(0, 200)}"` : ''
  const permanentReply = e.responseCode !== undefined && e.responseCode >= 500
  const raw = e.message ?? ''
  if (e.code === 'EAUTH')
    return {
      message: `The server refused the user name or password. Check them in Settings → Email.${said}`,
      permanent: true,
    }
  if (e.code === 'EENVELOPE')
    return {
      message: `The server refused the sender or recipient address.${said}`,
      permanent: permanentReply,
    }
  if (e.code === 'ETIMEDOUT')
    return { message: `${where(server)} did not answer in time; it will be tried again.`, permanent: false }
  if (/ECONNREFUSED/.test(raw))
    return {
      message: `Could not connect to ${where(server)}: the connection was refused (is the server running and the port right?)`,
      permanent: false,
    }
  if (/ENOTFOUND|EAI_AGAIN/.test(raw) || e.code === 'EDNS')
    return { message: `Could not find the server ${server.host}: check its name.`, permanent: false }
  if (/certificate|self[- ]signed|wrong version number|SSL|TLS/i.test(raw))
    return {
      message: `The secure connection to ${where(server)} failed (${raw.slice(0, 160)}). Check the security setting: TLS is usually port 465, STARTTLS port 587.`,
      permanent: false,
    }
  if (e.responseCode !== undefined)
    return { message: `The server refused the message.${said}`, permanent: permanentReply }
  return { message: `Sending failed: ${raw.slice(0, 300) || 'unknown error'}`, permanent: false }
}
