import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isAtLeast } from '../../../scripts/require-node.mjs'

const script = path.resolve(__dirname, '../../../scripts/require-node.mjs')

describe('scripts/require-node.mjs', () => {
  it('compares major, then minor', () => {
    expect(isAtLeast('v20.19.0', '20.19')).toBe(true)
    expect(isAtLeast('v20.18.3', '20.19')).toBe(false)
    expect(isAtLeast('v22.0.0', '20.19')).toBe(true)
    expect(isAtLeast('v20.20.2', '22.12')).toBe(false)
    expect(isAtLeast('v22.12.0', '22.12')).toBe(true)
  })

  it('stops with the command, the version needed and the version found', () => {
    const result = spawnSync(process.execPath, [script, '99.0', 'npm run dist'], { encoding: 'utf8' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('npm run dist needs Node.js 99.0 or later')
    expect(result.stderr).toContain(process.version)
  })

  it('lets a new enough Node through silently', () => {
    const result = spawnSync(process.execPath, [script, '20.0', 'npm test'], { encoding: 'utf8' })
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
  })
})
