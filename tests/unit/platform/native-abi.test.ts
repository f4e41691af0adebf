import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/temp-studio'
import { isAbiMismatch } from '../../../scripts/native-abi.mjs'

const root = path.resolve(__dirname, '../../..')
const script = path.join(root, 'scripts/native-abi.mjs')

function hasElectronBinary(): boolean {
  try {
    const binary: unknown = createRequire(path.join(root, 'package.json'))('electron')
    return typeof binary === 'string' && fs.existsSync(binary)
  } catch {
    return false
  }
}

/** The error Node's own loader gives for a native module that is not for this runtime. */
function loaderError(bytes: Buffer): string {
  const file = path.join(tempDir('panelist-abi-'), 'better_sqlite3.node')
  fs.writeFileSync(file, bytes)
  const result = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)})`], { encoding: 'utf8' })
  return result.stderr
}

describe('scripts/native-abi.mjs', () => {
  it('recognises the loader errors a rebuild cures, and only those', () => {
    expect(isAbiMismatch(loaderError(Buffer.from('not a shared object at all, just text')))).toBe(true)
    expect(
      isAbiMismatch(
        "The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 140. This version of Node.js requires NODE_MODULE_VERSION 115.",
      ),
    ).toBe(true)
    expect(isAbiMismatch("Error: Cannot find module 'better-sqlite3'")).toBe(false)
    expect(isAbiMismatch('SqliteError: unable to open database file')).toBe(false)
  })

  it('does nothing, successfully, when better-sqlite3 already loads in Node', () => {
    const result = spawnSync(process.execPath, [script, 'node'], { cwd: root, encoding: 'utf8' })
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('')
  })

  it('refuses an unknown target with its usage', () => {
    const result = spawnSync(process.execPath, [script, 'deno'], { cwd: root, encoding: 'utf8' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('usage: node scripts/native-abi.mjs node|electron')
  })

  it.skipIf(hasElectronBinary())(
    'says there is no Electron binary and points to the web host [needs no Electron binary]',
    () => {
      const result = spawnSync(process.execPath, [script, 'electron'], { cwd: root, encoding: 'utf8' })
      expect(result.status).toBe(1)
      expect(result.stderr).toContain('no Electron binary is installed')
      expect(result.stderr).toContain('npm run start:web')
    },
  )
})
