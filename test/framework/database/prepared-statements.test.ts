import { afterAll, beforeAll, expect, test } from "vitest"
import { numberedPlaceholders, preparedQueryOf, type PreparedQuery } from "../../../src/framework/database/index.ts"
import { startTestApp, type TestApp } from "../../setup/test-app.ts"

let t: TestApp
let query: PreparedQuery

beforeAll(async () => {
  t = await startTestApp({ modules: [] })
  query = preparedQueryOf(t.app.database)
})
afterAll(() => t?.close())

test("placeholders are numbered in order; a ? inside a quoted literal or identifier is text", () => {
  expect(numberedPlaceholders(`select ?, '?' as "what?", ?::jsonb where "a" = ?`)).toBe(`select $1, '?' as "what?", $2::jsonb where "a" = $3`)
  expect(numberedPlaceholders(`select 'it''s ?', ?`)).toBe(`select 'it''s ?', $1`)
})

test("values travel as parameters: numbers, text with quotes, JSON, null and timestamps come back as sent", async () => {
  const sql = `select ?::int + 1 as "next", ? as "text", ?::jsonb as "json", ?::text as "nothing",
    to_timestamp(?::float8 / 1000) as "at", '?' as "literal"`
  const params = [41, "O'Brien; drop table x --", JSON.stringify({ a: [1, "?"] }), null, Date.UTC(2026, 10, 21)]

  const first = await query<Record<string, unknown>>(sql, params)
  const again = await query<Record<string, unknown>>(sql, params)

  expect(first).toEqual(again)
  expect(first[0]).toMatchObject({ next: 42, text: "O'Brien; drop table x --", json: { a: [1, "?"] }, nothing: null, literal: "?" })
  expect(new Date(first[0]?.at as string | Date).getTime()).toBe(Date.UTC(2026, 10, 21))
})

test("a statement runs on its own connection, outside the caller's transaction", async () => {
  await query(`create table "prepared_probe" ("id" int primary key)`, [])
  await expect(
    t.app.database.transaction(async () => {
      await query(`insert into "prepared_probe" values (?)`, [1])
      throw new Error("the caller rolls back")
    }),
  ).rejects.toThrow("the caller rolls back")

  expect(await query(`select "id" from "prepared_probe"`, [])).toEqual([{ id: 1 }])
})

test("named statements are planned once per connection, whatever their values", async () => {
  const rows = await query<{ mode: string }>(`select current_setting(?) as "mode"`, ["plan_cache_mode"])
  expect(rows).toEqual([{ mode: "force_generic_plan" }])
})
