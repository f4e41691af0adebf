import type BetterSqlite3 from 'better-sqlite3'
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { Database } from './schema'

/** Statements on the studio's one connection, run at once (no awaiting between them). */
export interface Direct {
  run(sql: string, params?: readonly unknown[]): { changes: number }
  get<T>(sql: string, params?: readonly unknown[]): T | undefined
  all<T>(sql: string, params?: readonly unknown[]): T[]
}

export interface DirectDb {
  /**
   * Runs `fn` as one transaction, all or nothing, while no Kysely query can run: it holds Kysely's
   * connection, so no Kysely transaction is open around it or can start inside it. Never call it
   * from inside a Kysely transaction: it would wait for that transaction's connection forever.
   */
  transaction<T>(fn: (direct: Direct) => T): Promise<T>
}

export interface PreparesStatements {
  prepare(sql: string): BetterSqlite3.Statement
}

/**
 * For hot paths only. Kysely builds, compiles and awaits every query, which costs several times
 * what SQLite spends on a one-row insert; an import writes about fifteen rows per file. Everywhere
 * else Kysely's typed queries are worth that.
 */
export function createDirectDb(
  db: Kysely<Database>,
  sqlite: BetterSqlite3.Database,
  statements: PreparesStatements,
): DirectDb {
  const direct: Direct = {
    run: (sql, params = []) => {
      const { changes } = statements.prepare(sql).run(params)
      return { changes }
    },
    get: <T>(sql: string, params: readonly unknown[] = []) => statements.prepare(sql).get(params) as T | undefined,
    all: <T>(sql: string, params: readonly unknown[] = []) => statements.prepare(sql).all(params) as T[],
  }
  const inTransaction = sqlite.transaction((fn: (direct: Direct) => unknown) => fn(direct))
  return {
    transaction: <T>(fn: (direct: Direct) => T) =>
      db.connection().execute(async () => inTransaction(fn as (direct: Direct) => unknown) as T),
  }
}

/** A table or column name, quoted; only names from our own code pass. */
export const identifier = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a column or table name: ${name}`)
  return `"${name}"`
}

/** Inserts one row; the columns are the object's keys (always from our code, never from input). */
export function insertRow<T extends keyof Database>(direct: Direct, table: T, row: Insertable<Database[T]>): void {
  const [columns, values] = definedColumns(row)
  direct.run(
    `insert into ${identifier(table)} (${columns.map(identifier).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    values,
  )
}

/** Sets the patch's columns on the row with this id; returns how many rows changed. */
export function updateRow<T extends keyof Database>(
  direct: Direct,
  table: T,
  id: string,
  patch: Updateable<Database[T]>,
): number {
  const [columns, values] = definedColumns(patch)
  return direct.run(
    `update ${identifier(table)} set ${columns.map((c) => `${identifier(c)} = ?`).join(', ')} where "id" = ?`,
    [...values, id],
  ).changes
}

/** As Kysely does, a key whose value is undefined is left out rather than written as null. */
function definedColumns(row: object): [string[], unknown[]] {
  const columns: string[] = []
  const values: unknown[] = []
  for (const [column, value] of Object.entries(row)) {
    if (value === undefined) continue
    columns.push(column)
    values.push(value)
  }
  return [columns, values]
}
