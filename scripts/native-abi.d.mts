/** True for loader errors that rebuilding better-sqlite3 for the target runtime cures. */
export function isAbiMismatch(message: string): boolean
