import os from 'node:os'

/**
 * How much longer than on an idle machine a test may wait for a process, a browser or a SIGKILL
 * restart. CI runs on a developer's machine that may be busy, so budgets grow with the load seen
 * when the test file loads (the one-minute load average per core, up to 4×), and
 * PANELIST_TEST_PATIENCE can raise them further. A budget is an upper bound on waiting for an
 * event: a passing test never sleeps it out, so a generous one costs nothing.
 */
export const PATIENCE = Math.max(
  Number(process.env.PANELIST_TEST_PATIENCE ?? 1) || 1,
  Math.min(4, 1 + os.loadavg()[0]! / os.availableParallelism()),
)

/** A time budget in milliseconds, scaled for the machine's load. */
export const budget = (idleMs: number): number => Math.round(idleMs * PATIENCE)
