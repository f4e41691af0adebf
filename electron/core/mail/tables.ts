import type { MailKind } from '../../../shared/contract/mail'

/*
 * Email to candidates. Local only (never synced): a delivery belongs to the machine whose SMTP
 * server sends it, and the log holds addresses that other machines have no use for.
 */

/** One email: its whole content as sent, so every attempt sends the same bytes under the same Message-ID. */
export interface MailDeliveriesTable {
  id: string
  kind: MailKind
  to_address: string
  subject: string
  text_body: string
  html_body: string
  /** `<delivery id@sender's domain>`: the same on every attempt, so a copy sent twice is recognisable. */
  message_id: string
  candidate_id: string | null
  /** The invitation or feedback this email is for; null for a test message. */
  source_id: string | null
  job_id: string | null
  /**
   * queued until an attempt starts; sending while one is on the wire; sent once the server accepted
   * it (written before the queue job is marked done); failed when the queue gave up or it was refused.
   */
  status: 'queued' | 'sending' | 'sent' | 'failed'
  attempts: number
  last_error: string | null
  /** The server's answer to the accepted message, e.g. "250 OK: queued as 12345". */
  server_response: string | null
  sent_at: number | null
  created_at: number
}

export interface MailTables {
  mail_deliveries: MailDeliveriesTable
}
