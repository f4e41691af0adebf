import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** Where the server programs a test Postgres needs live, or why none could be found. */
export type PostgresBinaries = { ok: true; binDir: string; version: string } | { ok: false; reason: string }

const NEEDED = ['initdb', 'postgres'] as const

const hasAll = (dir: string) => NEEDED.every((name) => fs.existsSync(path.join(dir, name)))

/** Debian keeps the server under /usr/lib/postgresql/<major>/bin; the newest major wins. */
function debianDirs(): string[] {
  const root = '/usr/lib/postgresql'
  const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => /^\d+$/.test(name)) : []
  return majors.sort((a, b) => Number(b) - Number(a)).map((major) => path.join(root, major, 'bin'))
}

/**
 * PATH first (a CI image may link the programs into /usr/local/bin), then Debian's versioned folders.
 * A directory counts only when it holds both initdb and postgres: psql alone (the client package)
 * cannot start a server.
 */
export function findPostgresBinaries(): PostgresBinaries {
  const pathDirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)
  const candidates = [...pathDirs, ...debianDirs()]
  for (const dir of candidates) {
    if (!hasAll(dir)) continue
    // initdb on PATH is often a symlink into the versioned folder; resolve it so postgres is its sibling.
    const binDir = path.dirname(fs.realpathSync(path.join(dir, 'initdb')))
    if (!hasAll(binDir)) continue
    const version = execFileSync(path.join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' }).trim()
    return { ok: true, binDir, version }
  }
  return {
    ok: false,
    reason:
      `needs a PostgreSQL server: none found (looked for ${NEEDED.join(' and ')} on PATH and in /usr/lib/postgresql/*/bin); ` +
      'install the Debian package postgresql to run these tests',
  }
}
