// JSON answers. Errors carry `error` in words the app shows as they are.

export const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  })

export const refuse = (status: number, error: string): Response => json(status, { error })
