/** True for loader errors that rebuilding better-sqlite3 for the target runtime cures. */
export function isAbiMismatch(message: string): boolean

/** Stages the built app in stageDir with a private copy of better-sqlite3 (see the script). */
export function stageApp(stageDir: string, projectRoot?: string): void
