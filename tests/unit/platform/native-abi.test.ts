import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/temp-studio'
import { isAbiMismatch, stageApp } from '../../../scripts/native-abi.mjs'

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

describe('staging the app for Electron', () => {
  /** A project folder with a built entry that reports where its modules resolve from. */
  function project(): string {
    const dir = tempDir('panelist-project-')
    fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'))
    fs.mkdirSync(path.join(dir, 'out/main'), { recursive: true })
    fs.writeFileSync(
      path.join(dir, 'out/main/index.js'),
      "console.log(JSON.stringify({ sqlite: require.resolve('better-sqlite3'), kysely: require('fs').realpathSync(require.resolve('kysely')) }))",
    )
    fs.mkdirSync(path.join(dir, 'resources'))
    fs.mkdirSync(path.join(dir, 'node_modules/.cache'), { recursive: true })
    for (const name of ['better-sqlite3', 'bindings', 'kysely']) {
      fs.symlinkSync(path.join(root, 'node_modules', name), path.join(dir, 'node_modules', name), 'junction')
    }
    return dir
  }

  it('copies the built app and gives it a private better-sqlite3 without the project binary', () => {
    const source = project()
    const stage = tempDir('panelist-stage-')
    stageApp(stage, source)

    expect(fs.lstatSync(path.join(stage, 'out/main/index.js')).isFile()).toBe(true)
    expect(fs.lstatSync(path.join(stage, 'resources')).isSymbolicLink()).toBe(true)
    expect(fs.lstatSync(path.join(stage, 'node_modules/kysely')).isSymbolicLink()).toBe(true)
    expect(fs.existsSync(path.join(stage, 'node_modules/.cache'))).toBe(false)
    const copy = path.join(stage, 'node_modules/better-sqlite3')
    expect(fs.lstatSync(copy).isDirectory()).toBe(true)
    expect(fs.existsSync(path.join(copy, 'lib/index.js'))).toBe(true)
    expect(fs.existsSync(path.join(copy, 'build'))).toBe(false)

    const run = spawnSync(process.execPath, [path.join(stage, 'out/main/index.js')], { encoding: 'utf8' })
    const resolved = JSON.parse(run.stdout) as { sqlite: string; kysely: string }
    expect(resolved.sqlite.startsWith(copy + path.sep)).toBe(true)
    expect(resolved.kysely.startsWith(path.join(root, 'node_modules/kysely'))).toBe(true)
  })

  it('keeps a staged copy (and whatever it was built for) when staging again', () => {
    const source = project()
    const stage = tempDir('panelist-stage-')
    stageApp(stage, source)
    const builtForElectron = path.join(stage, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')
    fs.mkdirSync(path.dirname(builtForElectron), { recursive: true })
    fs.writeFileSync(builtForElectron, 'stands for a binary built for Electron')
    fs.writeFileSync(path.join(source, 'out/main/index.js'), '// rebuilt')

    stageApp(stage, source)
    expect(fs.readFileSync(builtForElectron, 'utf8')).toBe('stands for a binary built for Electron')
    expect(fs.readFileSync(path.join(stage, 'out/main/index.js'), 'utf8')).toBe('// rebuilt')
  })
})
