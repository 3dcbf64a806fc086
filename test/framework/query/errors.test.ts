import { afterAll, beforeAll, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { GraphQuery } from "../../../src/framework/modules/index.ts"
import { countStatements } from "../../setup/count-statements.ts"
import { rejection } from "../modules/blog-app.ts"
import { startLinkApp } from "../links/link-app.ts"
import type { LinkApp } from "../links/link-app.ts"

let t: LinkApp
beforeAll(async () => {
  t = await startLinkApp()
})
afterAll(() => t.close())

const failure = async (query: GraphQuery) => {
  const error = await rejection(t.query.graph(query))
  expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
  return error.message
}

test("an unknown entity names it", async () => {
  expect(await failure({ entity: "prodcut" })).toBe("Query has no entity 'prodcut'")
})

test("an unknown field or relation names the entity and the field, at any depth", async () => {
  expect(await failure({ entity: "item", fields: ["id", "titl"] })).toBe("Entity 'item' has no field or relation 'titl'")
  expect(await failure({ entity: "item", fields: ["variants.skew"] })).toBe("Entity 'item_variant' has no field or relation 'skew'")
  expect(await failure({ entity: "item", fields: ["variantz.*"] })).toBe("Entity 'item' has no field or relation 'variantz'")
  expect(await failure({ entity: "item", fields: ["label.items.colour"] })).toBe("Entity 'item' has no field or relation 'colour'")
  expect(await failure({ entity: "item", fields: ["title.*"] })).toBe("Entity 'item' has no field or relation 'title'")
  expect(await failure({ entity: "item", fields: [""] })).toBe('Query fields must be non-empty strings, got ""')
})

test("an unknown filter key, operator or malformed filter names it", async () => {
  expect(await failure({ entity: "item", filters: { titel: "x" } })).toBe("Entity 'item' has no field or relation 'titel'")
  expect(await failure({ entity: "item", filters: { variants: { colour: "red" } } })).toBe(
    "Entity 'item_variant' has no field or relation 'colour'",
  )
  expect(await failure({ entity: "item", filters: { "channels.nam": "Web" } })).toBe("Entity 'channel' has no field or relation 'nam'")
  expect(await failure({ entity: "item", filters: { rank: { $between: [1, 2] } } })).toBe("Unknown filter operator $between on 'rank'")
  expect(await failure({ entity: "item", filters: { rank: { $in: 3 } } })).toBe("Filter $in on 'rank' expects a list")
  expect(await failure({ entity: "item", filters: { variants: "SKU" } })).toBe(
    "Filter on relation 'variants' expects an object of its fields, or null",
  )
  expect(await failure({ entity: "item", filters: { $or: { handle: "x" } } })).toBe("Filter $or expects a list of filters")
})

test("values never become SQL: quotes and placeholders in a filter value are just values", async () => {
  await t.catalog.createItems([
    { title: "Why? ??", handle: "what?" },
    { title: "O'Brien", handle: "obrien" },
  ])
  const injected = await t.query.graph({ entity: "item", filters: { handle: "x' or '1'='1", title: { $ilike: "%'; drop table item; --" } } })
  expect(injected.data).toEqual([])

  const marks = await t.query.graph({ entity: "item", fields: ["handle"], filters: { handle: "what?", title: "Why? ??" } })
  expect(marks.data).toEqual([{ id: expect.any(String), handle: "what?" }])
  const quote = await t.query.graph({ entity: "item", fields: ["handle"], filters: { q: "o'b" } })
  expect(quote.data).toEqual([{ id: expect.any(String), handle: "obrien" }])
  expect(await t.rows("select count(*)::int as n from item")).toEqual([{ n: 2 }])
})

test("check refuses what graph would refuse, with the same message, and sends no SQL", async () => {
  const bad: GraphQuery[] = [
    { entity: "prodcut" },
    { entity: "item", fields: ["variants.skew"] },
    { entity: "item", filters: { rank: { $between: [1, 2] } } },
    { entity: "item", pagination: { take: -1 } },
  ]
  const { statements } = await countStatements(t.app.database, async () => {
    for (const query of bad) {
      let thrown: unknown
      try {
        t.query.check(query)
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(AgoraError)
      expect((thrown as AgoraError).message).toBe(await failure(query))
    }
    expect(() => t.query.check({ entity: "item", fields: ["title", "variants.*", "label.items.title"] })).not.toThrow()
  })
  // The failing graph calls above fail before any SQL too: nothing was sent at all.
  expect(statements).toEqual([])
})
