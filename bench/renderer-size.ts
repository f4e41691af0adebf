/**
 * What each page downloads before its first screen, from the built renderer (run
 * `npx electron-vite build` first): the HTML's own script and modulepreload tags, then the chunks the
 * entry imports for its audience (the kiosk's app, or the recruiter's app and the Jobs area it opens
 * on), each with its static imports, as Vite's manifest lists them. Prints raw and gzip sizes per
 * page and the largest chunks, with the targets from issue 19. Run: npx tsx bench/renderer-size.ts
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const rendererDir = path.resolve(__dirname, '../out/renderer')

interface ManifestChunk {
  file: string
  name?: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}
type Manifest = Record<string, ManifestChunk>

/** The pages and what their entry loads for them, with the first-load JS target for each. */
const PAGES = [
  { name: 'kiosk (code entry)', loads: ['src/app/KioskApp.tsx'], targetKb: 300 },
  {
    name: 'recruiter (jobs list)',
    loads: ['src/app/RecruiterApp.tsx', 'src/recruiter/jobs/JobsArea.tsx'],
    targetKb: 500,
  },
]

/** Files named by the HTML's module script, modulepreload and stylesheet tags, relative to out/renderer. */
function htmlAssets(html: string): string[] {
  const found: string[] = []
  for (const match of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const tag = match[0]
    const isModule = tag.startsWith('<script') && /type="module"/.test(tag)
    const isPreload = /rel="(modulepreload|stylesheet)"/.test(tag)
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1]
    if (url && (isModule || isPreload) && !/^[a-z]+:/.test(url)) found.push(path.posix.normalize(url))
  }
  return found
}

/**
 * A module's chunk: keyed by its source path, or, when other chunks import it too, by its chunk name
 * (`_KioskApp-<hash>.js`, with `name: 'KioskApp'`).
 */
function chunkOf(manifest: Manifest, source: string): ManifestChunk {
  const name = path.basename(source, path.extname(source))
  const chunk = manifest[source] ?? Object.values(manifest).find((c) => c.isDynamicEntry && c.name === name && !c.src)
  if (!chunk) throw new Error(`${source} is not in the renderer's manifest: is the build current?`)
  return chunk
}

/** A chunk's file, its CSS and its static imports, recursively. */
function withStaticImports(manifest: Manifest, chunk: ManifestChunk, into: Set<string>) {
  if (into.has(chunk.file)) return
  into.add(chunk.file)
  for (const css of chunk.css ?? []) into.add(css)
  for (const imported of chunk.imports ?? []) withStaticImports(manifest, manifest[imported]!, into)
}

const size = (file: string) => {
  const body = fs.readFileSync(path.join(rendererDir, file))
  return { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length }
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

export interface FirstLoad {
  page: string
  targetKb: number
  jsFiles: number
  /** Bytes of JavaScript fetched before the first screen, as built and gzipped. */
  jsRaw: number
  jsGzip: number
  cssRaw: number
}

/** Each page's first load from the built renderer (also read by tests/e2e/renderer-size.test.ts). */
export function firstLoads(): FirstLoad[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(rendererDir, '.vite/manifest.json'), 'utf8')) as Manifest
  const fromHtml = htmlAssets(fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8'))
  return PAGES.map((page) => {
    const files = new Set(fromHtml)
    for (const source of page.loads) withStaticImports(manifest, chunkOf(manifest, source), files)
    const js = [...files].filter((file) => file.endsWith('.js')).map(size)
    const css = [...files].filter((file) => file.endsWith('.css')).map(size)
    return {
      page: page.name,
      targetKb: page.targetKb,
      jsFiles: js.length,
      jsRaw: js.reduce((sum, s) => sum + s.raw, 0),
      jsGzip: js.reduce((sum, s) => sum + s.gzip, 0),
      cssRaw: css.reduce((sum, s) => sum + s.raw, 0),
    }
  })
}

function main() {
  console.log(`Renderer first loads (${rendererDir})`)
  console.log('page                     JS files  JS raw      JS gzip    CSS raw    target (raw JS)')
  for (const load of firstLoads()) {
    const verdict = load.jsRaw <= load.targetKb * 1024 ? 'within' : 'OVER'
    console.log(
      `${load.page.padEnd(25)}${String(load.jsFiles).padEnd(10)}${kb(load.jsRaw).padEnd(12)}${kb(load.jsGzip).padEnd(11)}${kb(load.cssRaw).padEnd(11)}≤ ${load.targetKb} KB: ${verdict}`,
    )
  }
  const chunks = fs
    .readdirSync(path.join(rendererDir, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, ...size(path.join('assets', file)) }))
    .sort((a, b) => b.raw - a.raw)
  console.log('\nlargest chunks             raw         gzip')
  for (const chunk of chunks.slice(0, 8))
    console.log(`${chunk.file.padEnd(27)}${kb(chunk.raw).padEnd(12)}${kb(chunk.gzip)}`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) main()
