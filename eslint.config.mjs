import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/**
 * Electron is reachable only from the shell: the app entry, the platform adapters and preload.
 * electron-store and electron-updater load electron when imported, so they are fenced in too.
 */
const electronFence = {
  paths: ['electron', 'electron-store', 'electron-updater'].map((name) => ({
    name,
    message:
      'Only the Electron shell (electron/main/) and electron/preload/ may import Electron; the core receives what it needs as parameters.',
  })),
  patterns: [{ regex: '^electron/', message: 'Only the Electron shell may import Electron.' }],
}

const ELECTRON_SHELL = ['electron/main/**', 'electron/preload/**']

const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', '__dirname', 'require', 'module'].map(
    (name) => [name, 'readonly'],
  ),
)

export default tseslint.config(
  { ignores: ['out/', 'node_modules/', 'release/', 'dist/', 'coverage/', 'test-results/', '.vite/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-imports': ['error', electronFence],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  { files: ELECTRON_SHELL, rules: { 'no-restricted-imports': 'off' } },
  {
    // The core is what every host runs; it never reaches back into one of them.
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronFence,
          patterns: [
            ...electronFence.patterns,
            { group: ['**/main/*', '**/web-host/*', '**/cli/*'], message: 'The core does not import its hosts.' },
          ],
        },
      ],
    },
  },
  {
    // Migrations are frozen in time (Kysely's advice): they may not import code that keeps changing.
    files: ['electron/core/db/migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronFence,
          patterns: [
            ...electronFence.patterns,
            { group: ['../*', '@core/*', '@shared/*'], message: 'A migration imports only kysely and its own folder.' },
          ],
        },
      ],
    },
  },
  {
    // Tests may name Electron's types for their stand-ins (erased at run time), never load it.
    files: ['tests/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { ...electronFence, paths: electronFence.paths.map((p) => ({ ...p, allowTypeImports: true })) },
      ],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: nodeGlobals } },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
)
