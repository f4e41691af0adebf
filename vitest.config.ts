import path from 'node:path'
import { configDefaults, defineConfig } from 'vitest/config'
import { budget } from './tests/helpers/patience'

const from = (dir: string) => path.resolve(__dirname, dir)

const UNIT_FILES = ['tests/unit/**/*.test.ts', 'electron/**/*.test.ts', 'shared/**/*.test.ts']
/**
 * Unit files that get a fresh process each: one reloads modules with globals stubbed out, and the
 * largest-upload test, which timed out (96 s against 4 s alone) in a worker shared with other files.
 */
const OWN_PROCESS = ['tests/unit/foundation/base64.test.ts', 'tests/unit/web-host/upload-size.test.ts']

const unit = {
  environment: 'node',
  // Budgets grow with the machine's load (tests/helpers/patience.ts): CI may run on a busy machine.
  testTimeout: budget(30_000),
  hookTimeout: budget(30_000),
  // Vitest's default is one worker fewer than the cores, which on a two-core machine runs every
  // file one after another; most unit files wait on processes and disks, so two share the cores well.
  maxWorkers: 2,
} as const

export default defineConfig({
  // The same aliases as tsconfig.base.json's paths, so tests name the code they test by its layer.
  resolve: {
    alias: {
      '@core': from('electron/core'),
      '@main': from('electron/main'),
      '@web-host': from('electron/web-host'),
      '@shared': from('shared'),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          ...unit,
          name: 'unit',
          include: UNIT_FILES,
          exclude: [...configDefaults.exclude, ...OWN_PROCESS],
          // Each file in a fresh module graph spent most of the project's time importing (435 s of
          // 848 s in CI), so a worker keeps its imports from one file to the next; each test file
          // still runs from the top.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { ...unit, name: 'unit-isolated', include: OWN_PROCESS },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: budget(180_000),
          hookTimeout: budget(180_000),
          // Browser suites each start a host and Chromium; on two cores they run one at a time.
          fileParallelism: false,
          // As in the unit project: importing Playwright and the hosts afresh for each file cost 100 s.
          isolate: false,
        },
      },
    ],
  },
})
