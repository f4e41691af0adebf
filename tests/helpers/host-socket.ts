import WebSocket from 'ws'

type Reply = { ok: boolean; value?: unknown; error?: { message: string } }

/**
 * A client of the web host as its own page would be: it reads the per-run token from the page at
 * `url` (the recruiter's `/` or the kiosk's `/kiosk`) and opens the socket with the host's origin.
 */
export async function hostSocket(url: string) {
  const html = await (await fetch(url)).text()
  const token = /name="panelist-token" content="([0-9a-f]+)"/.exec(html)?.[1]
  if (!token) throw new Error(`No token in ${url}: is the renderer built (npm run build)?`)
  const origin = new URL(url).origin
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${token}`, { origin })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  let nextId = 1
  const pending = new Map<number, (result: Reply) => void>()
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString())
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result)
      pending.delete(message.id)
    }
  })
  return {
    ws,
    async call<T>(name: string, input: unknown): Promise<T> {
      const id = nextId++
      const result = await new Promise<Reply>((resolve) => {
        pending.set(id, resolve)
        ws.send(JSON.stringify({ type: 'invoke', id, name, input }))
      })
      if (!result.ok) throw new Error(`${name}: ${result.error!.message}`)
      return result.value as T
    },
    close: () => ws.close(),
  }
}
