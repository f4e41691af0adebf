import type { Kysely } from 'kysely'

export interface Migration {
  /** Strictly increasing; never renumber one that has shipped. */
  version: number
  name: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against past schemas
  up(db: Kysely<any>): Promise<void>
}
