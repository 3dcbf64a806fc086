import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection } from "../modules/blog-app.ts"
import { startLinkApp } from "../links/link-app.ts"
import type { LinkApp } from "../links/link-app.ts"

let t: LinkApp
let webId: string
beforeAll(async () => {
  t = await startLinkApp()
  const items = await t.catalog.createItems(
    Array.from({ length: 7 }, (_, i) => ({ title: `Item ${i}`, handle: `item-${i}`, rank: i % 3 })),
  )
  const [web] = await t.channel.createChannels([{ name: "Web" }])
  webId = web!.id
  await t.link.create(items.filter((_, i) => i % 2 === 0).map((item) => ({ catalog: { item_id: item.id }, channel: { channel_id: webId } })))
})
afterAll(() => t.close())

const page = async (pagination: { take?: number; skip?: number; order?: Record<string, unknown> }, filters = {}) => {
  const { data, metadata } = await t.query.graph({ entity: "item", fields: ["handle"], filters, pagination })
  return { handles: data.map((row) => row.handle), metadata }
}

describe("pagination", () => {
  test("take and skip cut a page; count is every match; order applies before the cut", async () => {
    const { handles, metadata } = await page({ take: 2, skip: 1, order: { handle: "DESC" } })
    expect(handles).toEqual(["item-5", "item-4"])
    expect(metadata).toEqual({ count: 7, take: 2, skip: 1 })
  })

  test("several order columns, ties broken by id", async () => {
    const { handles } = await page({ order: { rank: "desc", handle: "asc" } })
    expect(handles).toEqual(["item-2", "item-5", "item-1", "item-4", "item-0", "item-3", "item-6"])
  })

  test("count follows the filters, also across links", async () => {
    const { handles, metadata } = await page({ take: 2, order: { handle: "ASC" } }, { channel_id: webId })
    expect(handles).toEqual(["item-0", "item-2"])
    expect(metadata.count).toBe(4)
  })

  test("a page past the end is empty and still counts the matches; take 0 counts only", async () => {
    expect(await page({ take: 5, skip: 10 })).toEqual({ handles: [], metadata: { count: 7, take: 5, skip: 10 } })
    expect(await page({ take: 0 })).toEqual({ handles: [], metadata: { count: 7, take: 0, skip: 0 } })
    expect(await page({ take: 5 }, { handle: "nope" })).toEqual({ handles: [], metadata: { count: 0, take: 5, skip: 0 } })
  })

  test("without pagination every match is read", async () => {
    const { handles, metadata } = await page({})
    expect(handles).toHaveLength(7)
    expect(metadata).toEqual({ count: 7, take: undefined, skip: 0 })
  })

  test("take, skip and order directions are checked", async () => {
    const negative = await rejection(page({ take: -1 }))
    expect(negative.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(negative.message).toBe("Pagination take must be a whole number of at least 0, got -1")
    expect((await rejection(page({ skip: 1.5 }))).message).toBe("Pagination skip must be a whole number of at least 0, got 1.5")
    expect((await rejection(page({ order: { handle: "up" } }))).message).toBe(`Order of 'handle' must be ASC or DESC, got "up"`)
    expect((await rejection(page({ order: { hande: "ASC" } }))).message).toBe("Entity 'item' has no field or relation 'hande'")
    expect((await rejection(page({ order: { variants: "ASC" } }))).message).toBe(
      `Order of 'variants' must be an object of its fields, and 'variants' a list, e.g. { variants: { title: "ASC" } }`,
    )
  })
})

describe("throwIfKeyNotFound", () => {
  test("fails with not_found naming the ids that are missing", async () => {
    const [first] = (await t.query.graph({ entity: "item", fields: ["id"], pagination: { take: 1 } })).data
    const found = await t.query.graph({ entity: "item", filters: { id: first!.id } }, { throwIfKeyNotFound: true })
    expect(found.data).toHaveLength(1)

    const error = await rejection(t.query.graph({ entity: "item", filters: { id: [first!.id, "item_missing"] } }, { throwIfKeyNotFound: true }))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("item with id: item_missing was not found")
  })
})
