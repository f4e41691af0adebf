/** True when a Node version string (v20.19.0) is at least major.minor (20.19). */
export function isAtLeast(current: string, minimum: string): boolean
