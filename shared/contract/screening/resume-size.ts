/**
 * Largest single resume accepted, on every path (dialog, upload, CLI). In a module of its own, without
 * the contract's schemas, so that the command line can start its parse workers before loading them.
 */
export const MAX_RESUME_BYTES = 10 * 1024 * 1024
