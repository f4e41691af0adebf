import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '@core/db/migrations'
import shipped from './frozen-migrations.json'

const DIR = path.resolve(__dirname, '../../../electron/core/db/migrations')

// Line endings normalised: a Windows checkout must hash the same as the commit.
const hashOf = (file: string) =>
  crypto
    .createHash('sha256')
    .update(fs.readFileSync(path.join(DIR, file), 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex')

const migrationFiles = () => fs.readdirSync(DIR).filter((name) => /^\d{4}-.+\.ts$/.test(name))

describe('shipped migrations are frozen in time', () => {
  it('keeps every shipped migration (and the helper they share) byte for byte; a change is a new migration', () => {
    const changed = Object.entries(shipped as Record<string, string>)
      .filter(([file, hash]) => !fs.existsSync(path.join(DIR, file)) || hashOf(file) !== hash)
      .map(([file]) => file)
    expect(changed, 'edit a shipped migration by adding a new one; add a new file to frozen-migrations.json').toEqual(
      [],
    )
  })

  it('lists each migration file once, numbered as its version, in the order they run', () => {
    const files = migrationFiles().sort()
    expect(
      files.every((file) => file in shipped),
      'a new migration goes into frozen-migrations.json',
    ).toBe(true)
    expect(migrations.map((m) => m.version)).toEqual(files.map((file) => Number(file.slice(0, 4))))
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length)
  })
})
