import path from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Rollup } from 'vite'

const root = __dirname
const from = (file: string) => path.resolve(root, file)

/**
 * Node entries by output name (out/main/<name>.js): the Electron shell, the core process both hosts
 * start, the web host, the CLI and the resume reader's worker.
 */
const mainEntries: Record<string, string> = {
  index: from('electron/main/index.ts'),
  core: from('electron/core/process/entry.ts'),
  'web-host': from('electron/web-host/web-host.ts'),
  cli: from('electron/cli/cli.ts'),
  'parse-worker': from('electron/core/screening/parse-pool/built-worker.ts'),
}

/**
 * zod 4 puts explanatory comments next to its `@__PURE__` annotations; Rollup cannot place them,
 * drops them (harmlessly) and says so once per file and per build, about 16 lines a build. Only that
 * notice, and only for zod, is silenced: every other warning still reaches the console.
 */
const onwarn: Rollup.WarningHandlerWithDefault = (warning, warn) => {
  if (warning.code === 'INVALID_ANNOTATION' && /[\\/]node_modules[\\/]zod[\\/]/.test(warning.id ?? '')) return
  warn(warning)
}

export default defineConfig({
  main: {
    // The update feed given when installers are built, kept in the app; see build/README.md.
    define: { __PANELIST_UPDATE_URL__: JSON.stringify(process.env.PANELIST_UPDATE_URL ?? '') },
    // Vite prints chunks in UTF-8; a file with a single character outside ASCII is then read by Node
    // into a two-byte string, and V8 keeps that source for the life of the code. Escaped, pdf.js's
    // 2.3 MB worker half reads in about 2 ms instead of 20-34 and holds half the memory.
    esbuild: { charset: 'ascii' },
    build: {
      outDir: from('out/main'),
      // Dependencies stay in node_modules (better-sqlite3 is native and cannot be bundled), except
      // electron-store: it is ESM-only and main is emitted as CommonJS, so it is bundled in; and
      // chrono-node and zod, whose many small files each start-up (CLI, parse workers) would otherwise
      // find and compile one by one: bundled, chrono keeps only its English parsers. One PDF through
      // the CLI: 1.34-1.47 -> 0.93-1.04 s. pdf.js too (the parse worker alone imports it), so that it is
      // CommonJS the parse worker can compile through its V8 code cache (parse-pool/code-cache.ts).
      externalizeDeps: { exclude: ['electron-store', 'chrono-node', 'zod', 'pdfjs-dist'] },
      rollupOptions: {
        input: mainEntries,
        onwarn,
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: from('out/preload'),
      // A sandboxed preload can require only `electron` and a few Node built-ins, and cannot be
      // an ES module: everything it imports (the contract, zod) is bundled into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: from('electron/preload/index.ts') },
        onwarn,
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: from('renderer'),
    // Relative asset URLs: the same build is served from the app's own scheme and by the web host.
    base: './',
    plugins: [react()],
    build: {
      outDir: from('out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; both hosts load it, the web host over HTTP.
      minify: true,
      // Lists each chunk's static and dynamic imports: bench/renderer-size.ts reads what a first load fetches.
      manifest: true,
      rollupOptions: { input: { index: from('renderer/index.html') }, onwarn },
    },
  },
})
