import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startLinkApp } from "../links/link-app.ts"
import type { LinkApp } from "../links/link-app.ts"
import { seedCatalog } from "../links/seed.ts"

let t: LinkApp
let s: Awaited<ReturnType<typeof seedCatalog>>
beforeAll(async () => {
  t = await startLinkApp()
  s = await seedCatalog(t)
  await t.catalog.createItems({ title: "Poster 50% off", handle: "poster", rank: 5, released_at: "2026-01-15T00:00:00Z" })
  await t.link.create([
    { catalog: { item_id: s.shirt.id }, label: { label_id: s.acme.id } },
    { catalog: { item_id: s.mug.id }, label: { label_id: s.globex.id } },
    { catalog: { item_id: s.shirt.id }, channel: { channel_id: s.web.id } },
    { catalog: { item_id: s.mug.id }, channel: { channel_id: s.shop.id } },
  ])
})
afterAll(() => t.close())

/** The handles of the items matching `filters`, sorted. */
async function handles(filters: Record<string, unknown>): Promise<string[]> {
  const { data, metadata } = await t.query.graph({ entity: "item", fields: ["handle"], filters })
  expect(metadata.count).toBe(data.length)
  return data.map((row) => String(row.handle)).sort()
}

describe("filters on the entity's columns", () => {
  test("equality, lists and null", async () => {
    expect(await handles({ status: "published" })).toEqual(["shirt"])
    expect(await handles({ handle: ["mug", "poster"] })).toEqual(["mug", "poster"])
    expect(await handles({ price: null })).toEqual(["poster"])
    expect(await handles({ handle: [] })).toEqual([])
  })

  test("operators", async () => {
    expect(await handles({ rank: { $gt: 0 } })).toEqual(["poster"])
    expect(await handles({ rank: { $lte: 0 } })).toEqual(["mug", "shirt"])
    expect(await handles({ handle: { $ne: "mug" } })).toEqual(["poster", "shirt"])
    expect(await handles({ handle: { $nin: ["mug", "shirt"] } })).toEqual(["poster"])
    expect(await handles({ handle: { $in: ["mug"] } })).toEqual(["mug"])
    expect(await handles({ title: { $like: "S%" } })).toEqual(["shirt"])
    expect(await handles({ title: { $ilike: "%MUG%" } })).toEqual(["mug"])
    expect(await handles({ released_at: { $gte: new Date("2026-01-01T00:00:00Z"), $lt: "2026-02-01T00:00:00Z" } })).toEqual(["poster"])
    expect(await handles({ price: { $gt: 10 } })).toEqual(["shirt"])
  })

  test("$and and $or combine filters", async () => {
    expect(await handles({ $or: [{ handle: "mug" }, { rank: { $gt: 1 } }] })).toEqual(["mug", "poster"])
    expect(await handles({ $and: [{ status: "draft" }, { $or: [{ handle: "mug" }, { handle: "shirt" }] }] })).toEqual(["mug"])
  })

  test("q searches the searchable columns, its wildcards taken literally", async () => {
    expect(await handles({ q: "shi" })).toEqual(["shirt"])
    expect(await handles({ q: "50%" })).toEqual(["poster"])
    expect(await handles({ q: "%" })).toEqual(["poster"])
    // handle is not searchable: title is.
    expect(await handles({ q: "poster" })).toEqual(["poster"])
    expect(await handles({ q: "oster 50" })).toEqual(["poster"])
  })
})

describe("filters across relations and links", () => {
  test("a relation's fields, nested or dotted: at least one related row matches", async () => {
    expect(await handles({ variants: { sku: "SHIRT-M" } })).toEqual(["shirt"])
    expect(await handles({ "variants.sku": ["MUG", "SHIRT-S"] })).toEqual(["mug", "shirt"])
    expect(await handles({ variants: { title: { $ilike: "def%" } } })).toEqual(["mug"])
  })

  test("null on a relation or link: no related row", async () => {
    expect(await handles({ variants: null })).toEqual(["poster"])
    expect(await handles({ label: null })).toEqual(["poster"])
    expect(await handles({ channel_id: null })).toEqual(["poster"])
  })

  test("a linked record's fields: items in a channel, by id or by name", async () => {
    expect(await handles({ channels: { id: [s.web.id] } })).toEqual(["shirt"])
    expect(await handles({ channels: { name: "Shop" } })).toEqual(["mug"])
    expect(await handles({ "label.name": "Globex" })).toEqual(["mug"])
  })

  test("a link's foreign key filters on the linked ids", async () => {
    expect(await handles({ channel_id: [s.web.id, s.shop.id] })).toEqual(["mug", "shirt"])
    expect(await handles({ label_id: s.acme.id })).toEqual(["shirt"])
    expect(await handles({ channel_id: s.shop.id, status: "published" })).toEqual([])
  })

  test("filters go both ways across a link, and combine with $or", async () => {
    const { data } = await t.query.graph({ entity: "channel", fields: ["name"], filters: { items: { handle: "shirt" } } })
    expect(data).toEqual([{ id: s.web.id, name: "Web" }])
    expect(await handles({ $or: [{ label: { name: "Acme" } }, { rank: 5 }] })).toEqual(["poster", "shirt"])
  })

  test("a dismissed or soft-deleted link no longer matches", async () => {
    await t.link.dismiss({ catalog: { item_id: s.mug.id }, channel: { channel_id: s.shop.id } })
    expect(await handles({ channel_id: s.shop.id })).toEqual([])
    await t.link.create({ catalog: { item_id: s.mug.id }, channel: { channel_id: s.shop.id } })

    await t.channel.softDeleteChannels(s.shop.id)
    expect(await handles({ channels: { name: "Shop" } })).toEqual([])
    await t.channel.restoreChannels(s.shop.id)
    expect(await handles({ channels: { name: "Shop" } })).toEqual(["mug"])
  })
})
