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
