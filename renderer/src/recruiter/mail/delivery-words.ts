import type { MailDeliveryView } from '../../../../shared/contract/mail'

/** One email's state in a sentence, for the log, the test button and the invite dialog. */
export function deliveryWords(d: MailDeliveryView): string {
  switch (d.status) {
    case 'sent':
      return `Sent to ${d.to}: the server accepted it${d.sentAt ? ` at ${new Date(d.sentAt).toLocaleString()}` : ''}.`
    case 'failed':
      return `Not sent to ${d.to}: ${d.lastError ?? 'the server did not take it'}`
    case 'sending':
      return `Sending to ${d.to}…`
    case 'queued':
      return d.attempts
        ? `Not sent yet to ${d.to} (${d.attempts} ${d.attempts === 1 ? 'attempt' : 'attempts'}; trying again shortly): ${d.lastError ?? ''}`
        : `Queued for ${d.to}.`
  }
}
