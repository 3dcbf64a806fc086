import type { MikroORM } from "@mikro-orm/postgresql"
import { afterAll, beforeAll, expect, test } from "vitest"
import { model } from "../../../src/framework/modules/index.ts"
import { LinkRegistry } from "../../../src/framework/modules/link/link-registry.ts"
import { EntityGraph } from "../../../src/framework/modules/query/entity-graph.ts"
import { Query } from "../../../src/framework/modules/query/query-service.ts"
import { startLinkApp } from "../links/link-app.ts"
import type { LinkApp } from "../links/link-app.ts"

// json_build_object takes at most 100 arguments: an entity of more than 50 fields is built in parts.
const COLUMNS = Array.from({ length: 60 }, (_, i) => `c${String(i).padStart(2, "0")}`)
const Wide = model.define("wide_row", {
  id: model.id({ prefix: "wide" }).primaryKey(),
  ...Object.fromEntries(COLUMNS.map((name) => [name, model.text()])),
})

let t: LinkApp
beforeAll(async () => {
  t = await startLinkApp()
  const columns = COLUMNS.map((name) => `"${name}" text not null`).join(", ")
  await t.rows(
    `create table "wide_row" ("id" text primary key, ${columns}, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz)`,
  )
  await t.rows(`insert into "wide_row" ("id", ${COLUMNS.map((c) => `"${c}"`).join(", ")}) values ('wide_1', ${COLUMNS.map((c) => `'${c}'`).join(", ")})`)
})
afterAll(() => t.close())

test("an entity with more than 50 fields reads every one of them", async () => {
  // The model has no many-to-many, so the graph needs no ORM metadata for it.
  const orm = { getMetadata: () => ({ find: () => undefined }) } as unknown as MikroORM
  const query = new Query(new EntityGraph([Wide], new LinkRegistry([]), orm), t.app.database)

  const { data } = await query.graph({ entity: "wide_row" })

  expect(Object.keys(data[0] ?? {}).sort()).toEqual(["id", ...COLUMNS, "created_at", "updated_at", "deleted_at"].sort())
  expect(data[0]?.c59).toBe("c59")
  expect(data[0]?.created_at).toBeInstanceOf(Date)
})
