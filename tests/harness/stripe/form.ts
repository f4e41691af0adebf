/**
 * Stripe's request bodies are form-encoded with bracketed keys, as stripe-node writes them
 * (`line_items[0][price]=price_1&metadata[org_id]=…`). This reads them back into the nested object
 * the SDK was given; numeric keys make arrays.
 */
export function parseStripeForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.replace(/\]/g, '').split('[')
    let node: Record<string, unknown> | unknown[] = root
    path.forEach((part, index) => {
      const last = index === path.length - 1
      const slot = node as Record<string, unknown>
      if (last) {
        slot[part] = value
        return
      }
      if (slot[part] === undefined) slot[part] = /^\d+$/.test(path[index + 1]!) ? [] : {}
      node = slot[part] as Record<string, unknown>
    })
  }
  return root
}
