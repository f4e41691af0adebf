import { useCallback, useEffect, useState } from 'react'
import type { CreatedSharedLink, SharedLinkView } from '../../../../shared/contract/sharing'
import { call, describeError } from '../../api/client'
import { ErrorText } from '../../components/ErrorText'
import { Modal, ModalClose } from '../../components/Modal'
import { TableHead } from '../../components/TableHead'

type Section = 'profile' | 'contact' | 'ranking' | 'assessment'

const SECTIONS: { key: Section; label: string }[] = [
  { key: 'profile', label: 'Profile (current title, years, skills)' },
  { key: 'ranking', label: 'Ranking for this job (score, explanation and evidence)' },
  { key: 'assessment', label: 'Latest assessment (scores, reasons, strengths and weaknesses)' },
  { key: 'contact', label: 'Contact details (email and phone)' },
]

const OUTCOMES: Record<SharedLinkView['views'][number]['outcome'], string> = {
  shown: 'opened',
  expired: 'tried after expiry',
  revoked: 'tried after revoking',
  tampered: 'tried with an altered link',
  unknown: 'tried with an unknown link',
}

const when = (at: number) => new Date(at).toLocaleString()

/**
 * "Share with a hiring manager…": a read-only web page about this candidate with only what is
 * ticked (never integrity signals, self-identification or recordings), valid for up to 30 days,
 * and the candidate's links with their views and a Revoke button. Needs a team workspace.
 */
export function ShareDialog(props: { candidate: { id: string; name: string }; jobId?: string; ranked: boolean }) {
  // Why the ranking cannot be shared, or null when it can.
  const noRanking =
    props.jobId === undefined
      ? 'open the candidate from a job to share its ranking'
      : props.ranked
        ? null
        : 'not ranked for this job yet'
  const [open, setOpen] = useState(false)
  const [include, setInclude] = useState<Record<Section, boolean>>({
    profile: true,
    ranking: noRanking === null,
    assessment: false,
    contact: false,
  })
  const [days, setDays] = useState(7)
  const [created, setCreated] = useState<CreatedSharedLink | null>(null)
  const [links, setLinksState] = useState<SharedLinkView[] | null>(null)
  // When the list was read: a link past its expiry then gets no Revoke button.
  const [listedAt, setListedAt] = useState(0)
  const setLinks = useCallback((list: SharedLinkView[]) => {
    setLinksState(list)
    setListedAt(Date.now())
  }, [])
  const [copied, setCopied] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const loadLinks = useCallback(() => {
    call('sharing.list', { candidateId: props.candidate.id }).then(
      (list) => {
        setLinks(list)
        setError(null)
      },
      (e: unknown) => setError(describeError(e)),
    )
  }, [props.candidate.id, setLinks])

  useEffect(() => {
    if (!open) return
    loadLinks()
  }, [open, loadLinks])

  const create = async () => {
    setBusy(true)
    try {
      const link = await call('sharing.create', {
        candidateId: props.candidate.id,
        jobId: props.jobId,
        include: { ...include, ranking: include.ranking && noRanking === null },
        expiresInDays: days,
      })
      setCreated(link)
      setCopied(false)
      setError(null)
      loadLinks()
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }

  const revoke = async (linkId: string) => {
    try {
      setLinks(await call('sharing.revoke', { candidateId: props.candidate.id, linkId }))
      setError(null)
    } catch (e) {
      setError(describeError(e))
    }
  }

  const copy = async (url: string) => {
    await navigator.clipboard.writeText(url)
    setCopied(true)
  }

  return (
    <>
      <button type="button" className="secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Share with a hiring manager…
      </button>
      {open && (
        <Modal
          title={`Share ${props.candidate.name} with a hiring manager`}
          className="share-dialog"
          onClose={() => {
            setOpen(false)
            setCreated(null)
          }}
        >
          <p className="muted">
            The link opens a read-only page without an account. It shows a copy of what you tick, as it is now;
            integrity signals, self-identification answers and recordings are never shared. Every opening is logged.
          </p>
          <fieldset>
            <legend>Include</legend>
            {SECTIONS.map(({ key, label }) => (
              <label key={key} className="checkbox">
                <input
                  type="checkbox"
                  checked={include[key]}
                  disabled={key === 'ranking' && noRanking !== null}
                  onChange={(e) => setInclude({ ...include, [key]: e.target.checked })}
                />{' '}
                {label}
                {key === 'ranking' && noRanking !== null && ` — ${noRanking}`}
              </label>
            ))}
          </fieldset>
          <label>
            Expires after{' '}
            <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {[1, 3, 7, 14, 30].map((d) => (
                <option key={d} value={d}>
                  {d} {d === 1 ? 'day' : 'days'}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" disabled={busy} onClick={create}>
            {busy ? 'Creating…' : 'Create link'}
          </button>
          {created && (
            <div role="status">
              <p>Link created, valid until {when(created.expiresAt)}. Copy it now: it is not shown again.</p>
              <input
                type="text"
                readOnly
                aria-label="Shared link"
                value={created.url}
                onFocus={(e) => e.target.select()}
              />{' '}
              <button type="button" onClick={() => copy(created.url)}>
                {copied ? 'Copied' : 'Copy link'}
              </button>
            </div>
          )}
          <ErrorText error={error} />
          <h3>Links to this candidate</h3>
          {links === null ? null : links.length === 0 ? (
            <p className="muted">None yet.</p>
          ) : (
            <table>
              <TableHead columns={['Created', 'Shows', 'Expires', 'Views']} actions="Actions" />
              <tbody>
                {links.map((link) => (
                  <tr key={link.id}>
                    <td>{when(link.createdAt)}</td>
                    <td>{link.includes.join(', ')}</td>
                    <td>{link.revokedAt ? `Revoked ${when(link.revokedAt)}` : when(link.expiresAt)}</td>
                    <td>
                      {link.viewCount}
                      {link.views.length > 0 && (
                        <ul>
                          {link.views.slice(0, 5).map((view, i) => (
                            <li key={i}>
                              {when(view.at)}: {OUTCOMES[view.outcome]}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {!link.revokedAt && link.expiresAt > listedAt && (
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`Revoke the link created ${when(link.createdAt)}`}
                          onClick={() => revoke(link.id)}
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ModalClose>Close</ModalClose>
        </Modal>
      )}
    </>
  )
}
