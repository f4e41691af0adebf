import { AsyncLocalStorage } from 'node:async_hooks'
import type { DatabaseConnection, Dialect, Driver, Kysely } from 'kysely'

/**
 * The studio has one SQLite connection. A Kysely transaction (or `db.connection()`) holds it until
 * its callback returns, and any query through the main `db` waits for it: a query through `db`
 * inside that callback waits for itself, and every later request waits behind it, for ever. This
 * turns that deadlock into an error at the query that caused it: the callback runs marked as
 * holding the connection, and the driver refuses to hand the connection out to a marked flow.
 */

const holding = new AsyncLocalStorage<object>()

export class HeldConnectionError extends Error {
  constructor() {
    super(
      'A query asked for the database connection while this transaction holds it; it would wait for ever. ' +
        'Pass the transaction to it instead of the main database.',
    )
    this.name = 'HeldConnectionError'
  }
}

/**
 * A dialect whose driver refuses the connection to a flow that already holds it (see above), and
 * skips the rollback of a transaction SQLite has already rolled back itself (it does on
 * SQLITE_FULL): Kysely's ROLLBACK would then fail and hide the error that explains it.
 */
export function guardedDialect(dialect: Dialect, owner: object, inTransaction: () => boolean): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => guardDriver(dialect.createDriver(), owner, inTransaction),
  }
}

function guardDriver(driver: Driver, owner: object, inTransaction: () => boolean): Driver {
  return {
    init: () => driver.init(),
    acquireConnection: (): Promise<DatabaseConnection> => {
      if (holding.getStore() === owner) return Promise.reject(new HeldConnectionError())
      return driver.acquireConnection()
    },
    beginTransaction: (connection, settings) => driver.beginTransaction(connection, settings),
    commitTransaction: (connection) => driver.commitTransaction(connection),
    rollbackTransaction: (connection) => (inTransaction() ? driver.rollbackTransaction(connection) : Promise.resolve()),
    releaseConnection: (connection) => driver.releaseConnection(connection),
    destroy: () => driver.destroy(),
  }
}

interface Executes {
  execute(callback: (value: never) => Promise<unknown>): Promise<unknown>
}

/**
 * Marks the callbacks of `db.transaction()` and `db.connection()` as holding the connection of
 * `owner` (the same object handed to `guardedDialect`). Builders derived from them (an isolation
 * level, say) are marked too.
 */
export function markHeldConnections<DB>(db: Kysely<DB>, owner: object): Kysely<DB> {
  const mark = <B extends object>(builder: B): B =>
    new Proxy(builder, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown
        if (typeof value !== 'function') return value
        if (property === 'execute') {
          return (callback: (value: unknown) => Promise<unknown>) =>
            (target as unknown as Executes).execute(((held: unknown) => holding.run(owner, () => callback(held))) as (
              value: never,
            ) => Promise<unknown>)
        }
        return (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args)
          return result && typeof result === 'object' && 'execute' in result ? mark(result) : result
        }
      },
    })
  const transaction = db.transaction.bind(db)
  const connection = db.connection.bind(db)
  return Object.assign(db, {
    transaction: () => mark(transaction()),
    connection: () => mark(connection()),
  })
}
