import type { PostgreSqlConnection } from "@mikro-orm/postgresql"
import type { Pool, QueryResult } from "pg"
import type { Database } from "./database.ts"

/**
 * One statement with `?` placeholders, run on a pooled connection of its own, outside any
 * transaction; without values, it may be a script of several statements.
 */
export type PreparedQuery = <Row>(sql: string, params: readonly unknown[]) => Promise<Row[]>

// Past this many distinct statements, new ones run unnamed: a bound on what each connection keeps.
const MAX_PREPARED = 500

/**
 * Statement names by text, for the whole process: a name stands for one text on every connection
 * of every pool (`pg` refuses a name reused for another text on a connection).
 */
const statements = new Map<string, { name: string | undefined; text: string }>()

function statementFor(sql: string): { name: string | undefined; text: string } {
  let statement = statements.get(sql)
  if (statement === undefined) {
    statement = { name: statements.size < MAX_PREPARED ? `agora_${statements.size}` : undefined, text: numberedPlaceholders(sql) }
    if (statement.name !== undefined) statements.set(sql, statement)
  }
  return statement
}

/**
 * Runs the framework's own hot statements (workflow checkpoints, locks, the event outbox) straight
 * on the ORM's `pg` pool as named prepared statements: PostgreSQL parses and plans each distinct
 * statement once per connection, and the values travel as parameters instead of being quoted into
 * the text. The pool is the ORM's, with its type parsers, so rows come back as they would through it.
 */
export function preparedQueryOf(database: Database): PreparedQuery {
  const connection = database.orm.em.getDriver().getConnection() as PostgreSqlConnection
  let pool: Promise<Pool> | undefined
  return async <Row>(sql: string, params: readonly unknown[]): Promise<Row[]> => {
    const client = await (pool ??= connection.getNativeClient().catch((error: unknown) => {
      pool = undefined // not connected yet: the next statement tries again
      throw error
    }))
    // Without values, the simple protocol: a script of several statements is allowed there.
    if (params.length === 0) {
      const results = (await client.query(sql)) as QueryResult | QueryResult[]
      return ((Array.isArray(results) ? results.at(-1) : results)?.rows ?? []) as Row[]
    }
    const { name, text } = statementFor(sql)
    const result = await client.query({ name, text, values: [...params] })
    return result.rows as Row[]
  }
}

/** `?` placeholders as `$1`, `$2`…; a `?` inside a quoted literal or identifier is left alone. */
export function numberedPlaceholders(sql: string): string {
  let out = ""
  let quote: string | undefined
  let index = 0
  for (const char of sql) {
    if (quote !== undefined) {
      if (char === quote) quote = undefined
      out += char
    } else if (char === "'" || char === '"') {
      quote = char
      out += char
    } else if (char === "?") {
      out += `$${++index}`
    } else {
      out += char
    }
  }
  return out
}
