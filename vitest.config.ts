import path from 'node:path'
import { defineConfig } from 'vitest/config'
import { budget } from './tests/helpers/patience'

const from = (dir: string) => path.resolve(__dirname, dir)

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
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'electron/**/*.test.ts', 'shared/**/*.test.ts'],
          environment: 'node',
          // Budgets grow with the machine's load (tests/helpers/patience.ts): CI may run on a busy machine.
          testTimeout: budget(30_000),
          hookTimeout: budget(30_000),
          // Vitest's default is one worker fewer than the cores, which on a two-core machine runs every
          // file one after another; most unit files wait on processes and disks, so two share the cores well.
          maxWorkers: 2,
          // Every file passes alone and beside the others; evaluating each file's modules afresh
          // (kysely, zod, the SDKs, the contract) took half of this project's time in CI.
          isolate: false,
        },
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
          isolate: false,
        },
      },
    ],
  },
})
