// The page a hiring manager opens from a shared link: GET /functions/v1/shared-link?t=<link id>.<secret>.
// It shows exactly the snapshot the recruiter shared, or a plain "not available" page that says
// nothing about the candidate. Every attempt is checked and logged by the database function
// view_shared_link, called through PostgREST with the service role key (the only role allowed to).
// Deploy with `supabase functions deploy shared-link --no-verify-jwt`: the visitor has no account.

interface Shared {
  name?: string
  title?: string | null
  years?: number | null
  skills?: string[]
  contact?: { email?: string | null; phone?: string | null }
  ranking?: { job: string; score: number; explanation: string; evidence: string[] }
  assessment?: {
    overall: number
    questions: { question: string; score: number; reason: string }[]
    strengths: string[]
    weaknesses: string[]
  }
}

type Outcome = 'shown' | 'expired' | 'revoked' | 'tampered' | 'unknown'

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([0-9a-f]{64})$/

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // The page runs no script and loads nothing; inline styles only.
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
}

const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse}td,th{padding:.25rem .75rem .25rem 0;text-align:left;vertical-align:top}</style>
</head><body><main>${body}</main></body></html>`
}

const list = (items: string[] | undefined) =>
  items && items.length
    ? `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
    : '<p>None noted.</p>'

/** The shared snapshot as HTML: only the sections present in it, every value escaped. */
export function renderShared(shared: Shared): string {
  const parts = [`<h1>${escapeHtml(shared.name ?? 'Candidate')}</h1>`]
  const facts: string[] = []
  if (shared.title) facts.push(`<tr><th scope="row">Current title</th><td>${escapeHtml(shared.title)}</td></tr>`)
  if (typeof shared.years === 'number')
    facts.push(`<tr><th scope="row">Years of experience</th><td>${escapeHtml(shared.years)}</td></tr>`)
  if (shared.contact?.email)
    facts.push(`<tr><th scope="row">Email</th><td>${escapeHtml(shared.contact.email)}</td></tr>`)
  if (shared.contact?.phone)
    facts.push(`<tr><th scope="row">Phone</th><td>${escapeHtml(shared.contact.phone)}</td></tr>`)
  if (facts.length) parts.push(`<table>${facts.join('')}</table>`)
  if (shared.skills) parts.push(`<h2>Skills</h2>${list(shared.skills)}`)
  if (shared.ranking) {
    const r = shared.ranking
    parts.push(
      `<h2>Fit for ${escapeHtml(r.job)}: ${escapeHtml(r.score)} / 100</h2><p>${escapeHtml(r.explanation)}</p>${list(r.evidence)}`,
    )
  }
  if (shared.assessment) {
    const a = shared.assessment
    const rows = a.questions
      .map(
        (q) =>
          `<tr><td>${escapeHtml(q.question)}</td><td>${escapeHtml(q.score)}</td><td>${escapeHtml(q.reason)}</td></tr>`,
      )
      .join('')
    parts.push(
      `<h2>Assessment: ${escapeHtml(a.overall)} / 100</h2>` +
        `<table><thead><tr><th scope="col">Question</th><th scope="col">Score</th><th scope="col">Why</th></tr></thead><tbody>${rows}</tbody></table>` +
        `<h3>Strengths</h3>${list(a.strengths)}<h3>Weaknesses</h3>${list(a.weaknesses)}`,
    )
  }
  parts.push('<p><small>Shared from Panelist. This page is a snapshot and holds no recordings.</small></p>')
  return page(`${shared.name ?? 'Candidate'}: shared profile`, parts.join('\n'))
}

const MESSAGES: Record<Exclude<Outcome, 'shown'>, [number, string]> = {
  expired: [410, 'This link has expired.'],
  revoked: [410, 'This link was revoked.'],
  tampered: [404, 'This link is not valid.'],
  unknown: [404, 'This link is not valid.'],
}

const notAvailable = (outcome: Exclude<Outcome, 'shown'>) => {
  const [status, message] = MESSAGES[outcome]
  return new Response(
    page('Link not available', `<h1>${message}</h1><p>Ask the person who sent it for a new link.</p>`),
    {
      status,
      headers: HEADERS,
    },
  )
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

const NIL_ID = '00000000-0000-0000-0000-000000000000'

export async function handle(request: Request, env: { url: string; serviceKey: string }): Promise<Response> {
  if (request.method !== 'GET') return new Response('Method not allowed', { status: 405, headers: { allow: 'GET' } })
  const token = new URL(request.url).searchParams.get('t') ?? ''
  const match = TOKEN.exec(token)
  // A malformed token is still logged (as unknown, or tampered when it names a real link), so
  // guessing shows up in the log like any other attempt.
  const id = match?.[1] ?? /^([0-9a-f-]{36})\./.exec(token)?.[1] ?? NIL_ID
  const hash = match ? await sha256Hex(match[2]!) : ''
  const response = await fetch(`${env.url}/rest/v1/rpc/view_shared_link`, {
    method: 'POST',
    headers: {
      apikey: env.serviceKey,
      authorization: `Bearer ${env.serviceKey}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      p_token_id: /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/.test(id) ? id : NIL_ID,
      p_token_hash: hash,
      p_user_agent: (request.headers.get('user-agent') ?? '').slice(0, 200),
    }),
  })
  if (!response.ok) {
    await response.body?.cancel()
    return new Response(
      page('Unavailable', '<h1>This page is unavailable right now.</h1><p>Try again in a little while.</p>'),
      {
        status: 503,
        headers: HEADERS,
      },
    )
  }
  const result = (await response.json()) as { outcome: Outcome; fields: Shared | null }
  if (result.outcome === 'shown' && result.fields) {
    return new Response(renderShared(result.fields), { status: 200, headers: HEADERS })
  }
  return notAvailable(result.outcome === 'shown' ? 'unknown' : result.outcome)
}

if (import.meta.main) {
  const url = Deno.env.get('SUPABASE_URL')
  const serviceKey = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')
  if (!url || !serviceKey) throw new Error('SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY must be set')
  const port = Number(Deno.env.get('PORT') ?? '8000')
  Deno.serve(
    { port, hostname: Deno.env.get('HOSTNAME') ?? '0.0.0.0', onListen: ({ port }) => console.log(`listening ${port}`) },
    (request) => handle(request, { url, serviceKey }),
  )
}
