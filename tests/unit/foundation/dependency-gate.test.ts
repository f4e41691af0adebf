import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * §7 E13: the dependency gate. Electron supports its latest three stable majors, so an app on an
 * older one ships a Chromium without security fixes.
 */
const root = path.resolve(__dirname, '../../..')
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean }>
}

/** Stable dates from Electron's release timeline (docs/tutorial/electron-timelines.md). */
const ELECTRON_STABLE: [major: number, date: string][] = [
  [40, '2026-01-13'],
  [41, '2026-03-10'],
  [42, '2026-05-05'],
  [43, '2026-06-30'],
  [44, '2026-08-25'],
  [45, '2026-10-20'],
  [46, '2026-12-15'],
]
/** Since Electron 15 a major ships every eight weeks, with every other Chromium. */
const CADENCE_MS = 8 * 7 * 24 * 3600 * 1000

/** The newest Electron major out by `now`, past the table's end by the eight-week cadence. */
function latestElectronMajor(now: number): number {
  const [lastMajor, lastDate] = ELECTRON_STABLE.at(-1)!
  const lastTime = Date.parse(lastDate)
  if (now >= lastTime) return lastMajor + Math.floor((now - lastTime) / CADENCE_MS)
  const released = ELECTRON_STABLE.filter(([, date]) => Date.parse(date) <= now)
  return released.at(-1)?.[0] ?? ELECTRON_STABLE[0]![0] - 1
}

const versionOf = (name: string) => lock.packages[`node_modules/${name}`]?.version

function atLeast(version: string, minimum: string): boolean {
  const a = version.split(/[.-]/).map(Number)
  const b = minimum.split('.').map(Number)
  for (let i = 0; i < b.length; i++) if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i]!
  return true
}

interface AuditReport {
  message?: string
  metadata?: { vulnerabilities: Record<'high' | 'critical', number> }
}

function npmAudit(): Promise<AuditReport> {
  return new Promise((resolve) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    execFile(npm, ['audit', '--omit=dev', '--json'], { cwd: root, shell: process.platform === 'win32' }, (_e, out) => {
      try {
        resolve(JSON.parse(out) as AuditReport)
      } catch {
        resolve({ message: `npm audit printed no report: ${out.slice(0, 200)}` })
      }
    })
  })
}

describe('the dependency gate (§7 E13)', () => {
  it('knows the latest Electron major from the timeline and past it', () => {
    expect(latestElectronMajor(Date.parse('2026-10-19'))).toBe(44)
    expect(latestElectronMajor(Date.parse('2026-10-20'))).toBe(45)
    expect(latestElectronMajor(Date.parse('2027-02-09'))).toBe(47)
  })

  it('ships an Electron major that Electron still supports (one of the latest three)', () => {
    const installed = Number(versionOf('electron')!.split('.')[0])
    const latest = latestElectronMajor(Date.now())
    expect(installed, `Electron ${installed} is past support; the latest major is ${latest}`).toBeGreaterThanOrEqual(
      latest - 2,
    )
  })

  it('locks no pdf.js older than 4.2.67 (CVE-2024-4367: a font runs script)', () => {
    const pdfjs = Object.entries(lock.packages).filter(([key]) => key.endsWith('node_modules/pdfjs-dist'))
    expect(pdfjs.length).toBeGreaterThan(0)
    for (const [key, entry] of pdfjs) expect(atLeast(entry.version!, '4.2.67'), key).toBe(true)
  })

  it('has no high or critical advisory in runtime dependencies (npm audit --omit=dev) [needs an npm advisory database]', async (ctx) => {
    const report = await npmAudit()
    if (!report.metadata) {
      ctx.skip(`npm audit could not reach an advisory database: ${report.message ?? 'no metadata'}`)
      return
    }
    const { high, critical } = report.metadata.vulnerabilities
    expect({ high, critical }).toEqual({ high: 0, critical: 0 })
  })
})
