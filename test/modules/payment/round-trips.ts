import { vi } from "vitest"
import type { Database } from "../../../src/framework/database/index.ts"
import { countStatements } from "../../setup/count-statements.ts"

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
