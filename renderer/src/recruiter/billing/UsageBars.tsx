import type { Entitlement } from '../../../../shared/contract/billing'
import { USAGE_LINES, usageText } from './billing-text'

/** Each allowance as a bar with its numbers in words beside it (the bar alone says nothing to a screen reader). */
export function UsageBars({ entitlement }: { entitlement: Entitlement }) {
  return (
    <ul className="usage-list" data-testid="usage-list">
      {USAGE_LINES.map((line) => {
        const used = entitlement.usage[line.key]
        const limit = entitlement.limits[line.key]
        const text = usageText(used, limit)
        const fraction = limit > 0 ? Math.min(1, used / limit) : 1
        const full = used >= limit
        return (
          <li key={line.key} data-testid={`usage-${line.key}`}>
            <div className="usage-head">
              <span className="usage-label">{line.label}</span>
              <span className={full ? 'usage-numbers usage-full' : 'usage-numbers'}>{text}</span>
            </div>
            <div
              className="usage-bar"
              role="meter"
              aria-label={line.label}
              aria-valuemin={0}
              aria-valuemax={limit}
              aria-valuenow={Math.min(used, limit)}
              aria-valuetext={text}
            >
              <div
                className={full ? 'usage-fill usage-fill-full' : 'usage-fill'}
                style={{ width: `${Math.round(fraction * 100)}%` }}
              />
            </div>
            <p className="muted usage-hint">{line.hint}</p>
          </li>
        )
      })}
    </ul>
  )
}
