import fs from 'node:fs'
import path from 'node:path'
import { sql, type Kysely } from 'kysely'
import { keepPrivate } from '../data-folder/private-modes'
import type { Database } from '../db/schema'

/** The backups folder and names db/backup.ts keeps (`backups/panelist-<time>.sqlite`). */
const BACKUPS_DIR = 'backups'
const NAME = /^panelist-\d+\.sqlite$/

/**
 * After a deletion, the daily backups still hold the deleted candidate. They are replaced by one
 * backup of the database as it is now (VACUUM INTO: a consistent, compact copy with no free pages),
 * so a restore can never bring the candidate back. Returns the backups that could not be removed.
 */
export async function replaceBackups(db: Kysely<Database>, dataDir: string, now: number): Promise<string[]> {
  const dir = path.join(dataDir, BACKUPS_DIR)
  if (!fs.existsSync(dir)) return []
  const old = fs.readdirSync(dir).filter((name) => NAME.test(name))
  if (!old.length) return []
  const file = path.join(dir, `panelist-${now}.sqlite`)
  // Named as the start-up sweep knows temp files, so a copy cut short is cleared away.
  const partial = `${file}.${process.pid}.tmp`
  await sql`vacuum into ${partial}`.execute(db)
  keepPrivate(partial)
  fs.renameSync(partial, file)
  const failed: string[] = []
  for (const name of old.filter((n) => path.join(dir, n) !== file)) {
    try {
      fs.rmSync(path.join(dir, name), { force: true })
    } catch {
      failed.push(`${BACKUPS_DIR}/${name}`)
    }
  }
  return failed
}
