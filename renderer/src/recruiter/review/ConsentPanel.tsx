import type { ConsentRecord } from '../../../../shared/contract/interviews'
import { declinedAiInterview } from '../../../../shared/consent-choice'
import { formatTime } from '../interviews/labels'

/** The candidate's consent, and above all any request for a process without the AI interview. */
export function ConsentPanel({ consent }: { consent: ConsentRecord | null }) {
  if (!consent) return null
  const requests = consent.choices.filter((c) => c.choice === 'alternative_requested')
  const consents = consent.choices.filter((c) => c.choice === 'consented')
  return (
    <section
      aria-labelledby="consent-title"
      className={`review-consent${consent.alternativeRequested ? ' review-consent-alert' : ''}`}
      data-testid="consent"
    >
      <h2 id="consent-title">Consent</h2>
      {consent.alternativeRequested && (
        <p role="note">
          <strong>The candidate asked for an alternative process</strong> (
          {requests.map((r) => formatTime(r.at)).join(', ')}). Offer them a way to be assessed without AI, at no
          disadvantage to them, before deciding.
          {declinedAiInterview(consent) &&
            ' They did not go on with the AI interview, so it is not scored; re-running the assessment does not change that.'}
        </p>
      )}
      {consents.length > 0 ? (
        <p>
          Agreed on the kiosk's first screen to be recorded and to have their answers evaluated with AI:{' '}
          {consents.map((c) => formatTime(c.at)).join(', ')}.
        </p>
      ) : (
        <p>No consent to the AI interview is on record for this session.</p>
      )}
    </section>
  )
}
