import pg from "pg"
import { vi } from "vitest"
import type { Database } from "../../src/framework/database/index.ts"

/**
 * Runs `work` and answers its result with the SQL statements it sent, seen through the ORM's
 * `onQuery` hook: the ORM's own statements and the app's prepared ones alike.
 */
export async function countStatements<T>(database: Database, work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = []
  const config = database.orm.config
  const previous = config.get("onQuery")
  config.set("onQuery", (sql: string, params: readonly unknown[]) => {
    statements.push(sql)
    return previous(sql, params as unknown[])
  })
  try {
    return { result: await work(), statements }
  } finally {
    config.set("onQuery", previous)
  }
}

export type RoundTrips<T> = {
  result: T
  /** The statements sent, as the ORM's `onQuery` hook sees them. */
  statements: string[]
  /** Transactions opened: each adds a `begin` and a `commit` (or rollback) the hook does not see. */
  transactions: number
  roundTrips: number
}

/** Runs `work` and answers its result with the round trips it made to PostgreSQL. */
export async function countRoundTrips<T>(database: Database, work: () => Promise<T>): Promise<RoundTrips<T>> {
  const begin = vi.spyOn(database.orm.em.getDriver().getConnection(), "begin")
  try {
    const { result, statements } = await countStatements(database, work)
    const transactions = begin.mock.calls.length
    return { result, statements, transactions, roundTrips: statements.length + 2 * transactions }
  } finally {
    begin.mockRestore()
  }
}

/** A statement's first words, enough to tell statements apart in a failed assertion. */
export function headOf(statement: string): string {
  return statement.replace(/\s+/g, " ").trim().slice(0, 60)
}

/**
 * Runs `work` and answers every statement sent to PostgreSQL meanwhile, as the `pg` client sends
 * them: `begin` and `commit` included, which the ORM's `onQuery` hook does not see.
 */
export async function wireStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = []
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const query = prototype.query
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [first] = args
    statements.push(typeof first === "string" ? first : String((first as { text?: string } | undefined)?.text))
    return query.apply(this, args)
  }
  try {
    return { result: await work(), statements }
  } finally {
    prototype.query = query
  }
}
