import type { FeedbackView } from '../../../../shared/contract/feedback'

const when = (at: number) => new Date(at).toLocaleString()

/** A draft's state in a sentence, as the candidate page shows it. */
export function feedbackStatusWords(f: FeedbackView): string {
  switch (f.status) {
    case 'draft':
      return f.autoSendAt
        ? `Draft: sent automatically at ${when(f.autoSendAt)} unless you approve or discard it first.`
        : 'Draft: sent only when you approve it.'
    case 'sending':
      return f.deliveryError ? `Sending: not delivered yet (${f.deliveryError})` : `Sending to ${f.to ?? ''}…`
    case 'sent':
      return `Sent to ${f.to ?? ''}${f.sentAt ? ` at ${when(f.sentAt)}` : ''}.`
    case 'failed':
      return `Not sent: ${f.deliveryError ?? 'the mail server did not take it'}`
    case 'discarded':
      return 'Discarded: never sent.'
  }
}
