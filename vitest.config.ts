import { defineConfig } from 'vitest/config'
import { budget } from './tests/helpers/patience'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'electron/**/*.test.ts', 'shared/**/*.test.ts'],
          environment: 'node',
          // Budgets grow with the machine's load (tests/helpers/patience.ts): CI may run on a busy machine.
          testTimeout: budget(30_000),
          hookTimeout: budget(30_000),
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: budget(180_000),
          hookTimeout: budget(180_000),
          // Browser suites each start a host and Chromium; on two cores they run one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
})
