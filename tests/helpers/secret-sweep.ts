import fs from 'node:fs'
import path from 'node:path'
import type { StubRequestLog } from '../harness/ai-stub/types'

/** The ways a key could be written down: as is, in UTF-16 (Chromium's storage), or base64-encoded. */
function spellings(canary: string): { form: string; bytes: Buffer }[] {
  return [
    { form: 'text', bytes: Buffer.from(canary) },
    { form: 'utf-16', bytes: Buffer.from(canary, 'utf16le') },
    { form: 'base64', bytes: Buffer.from(Buffer.from(canary).toString('base64')) },
  ]
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return filesUnder(full)
    return entry.isFile() ? [full] : []
  })
}

/**
 * §7 E11: every place a secret could leak to, searched for canary keys: each file under the data
 * folder (the database and its WAL, logs, recordings, settings), named texts (process output, a
 * page's storage), and what went out to the AI stub apart from the header that authenticates.
 * Returns where each canary was found; a clean run returns [].
 */
export function sweepForSecrets(
  canaries: string[],
  places: { dataDir: string; texts: Record<string, string>; requests: StubRequestLog[] },
): string[] {
  const hits: string[] = []
  const search = (where: string, haystack: Buffer) => {
    for (const canary of canaries)
      for (const { form, bytes } of spellings(canary)) if (haystack.includes(bytes)) hits.push(`${where} (${form})`)
  }
  for (const file of filesUnder(places.dataDir)) search(path.relative(places.dataDir, file), fs.readFileSync(file))
  for (const [where, text] of Object.entries(places.texts)) search(where, Buffer.from(text))
  for (const request of places.requests) {
    // The key authenticates to the provider: in Authorization, or Deepgram's socket sub-protocol.
    const { authorization: _auth, 'sec-websocket-protocol': _protocol, ...headers } = request.headers
    const sent = JSON.stringify({ headers, query: request.query, json: request.json, form: request.form })
    search(`${request.method} ${request.path}`, Buffer.from(sent))
  }
  return hits
}
