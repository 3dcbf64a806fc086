import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startLinkApp } from "../links/link-app.ts"
import type { LinkApp } from "../links/link-app.ts"
import { seedCatalog } from "../links/seed.ts"

let t: LinkApp
let s: Awaited<ReturnType<typeof seedCatalog>>
beforeAll(async () => {
  t = await startLinkApp()
  s = await seedCatalog(t)
  await t.catalog.createItemPrices([
    { variant_id: s.small.id, amount: "10.50", currency_code: "usd" },
    { variant_id: s.small.id, amount: "9", currency_code: "eur" },
  ])
  const [sale] = await t.catalog.createItemTags([{ value: "sale" }])
  await t.catalog.updateItems({ id: s.shirt.id, tags: [sale!.id] })
  await t.link.create([
    { catalog: { item_id: s.shirt.id }, label: { label_id: s.acme.id } },
    { catalog: { item_id: s.mug.id }, label: { label_id: s.acme.id } },
    { catalog: { item_id: s.shirt.id }, channel: { channel_id: s.web.id } },
    { catalog: { item_id: s.shirt.id }, channel: { channel_id: s.shop.id } },
    { catalog: { item_variant_id: s.small.id }, stock: { stock_item_id: s.cotton.id }, data: { required_quantity: 2 } },
  ])
})
afterAll(() => t.close())

const shirtOnly = { id: () => s.shirt.id }

describe("fields", () => {
  test("* reads every column, as the module service returns them (Dates, decimal strings)", async () => {
    const { data } = await t.query.graph({ entity: "item", fields: ["*"], filters: { id: shirtOnly.id() } })
    const fromService = await t.catalog.retrieveItem(s.shirt.id)

    expect(data).toEqual([fromService])
    expect(data[0]?.created_at).toBeInstanceOf(Date)
    expect(data[0]?.price).toBe("19.99")
  })

  test("fields omitted read every column; named fields read those and the id", async () => {
    const all = await t.query.graph({ entity: "label", filters: { id: s.acme.id } })
    expect(Object.keys(all.data[0] ?? {})).toEqual(["id", "name", "created_at", "updated_at", "deleted_at"])

    const some = await t.query.graph({ entity: "item", fields: ["title", "handle"], filters: { id: s.shirt.id } })
    expect(some.data).toEqual([{ id: s.shirt.id, title: "Shirt", handle: "shirt" }])
  })

  test("relations of the module nest: hasMany as lists, belongsTo as an object, manyToMany as a list", async () => {
    const { data } = await t.query.graph({
      entity: "item",
      fields: ["title", "variants.sku", "variants.prices.amount", "variants.prices.currency_code", "tags.value"],
      filters: { id: s.shirt.id },
      pagination: { order: { variants: { sku: "ASC", prices: { currency_code: "ASC" } } } },
    })
    expect(data).toEqual([
      {
        id: s.shirt.id,
        title: "Shirt",
        variants: [
          { id: s.medium.id, sku: "SHIRT-M", prices: [] },
          {
            id: s.small.id,
            sku: "SHIRT-S",
            prices: [
              { id: expect.stringMatching(/^iprc_/), amount: "9", currency_code: "eur" },
              { id: expect.stringMatching(/^iprc_/), amount: "10.50", currency_code: "usd" },
            ],
          },
        ],
        tags: [{ id: expect.stringMatching(/^itag_/), value: "sale" }],
      },
    ])

    const variant = await t.query.graph({ entity: "item_variant", fields: ["sku", "item.title"], filters: { id: s.small.id } })
    expect(variant.data).toEqual([{ id: s.small.id, sku: "SHIRT-S", item: { id: s.shirt.id, title: "Shirt" } }])
  })

  test("a link reads like a relation: one record when the other side is not a list, else a list", async () => {
    const { data } = await t.query.graph({
      entity: "item",
      fields: ["handle", "label.name", "channels.name"],
      pagination: { order: { handle: "DESC", channels: { name: "ASC" } } },
    })
    expect(data).toEqual([
      {
        id: s.shirt.id,
        handle: "shirt",
        label: { id: s.acme.id, name: "Acme" },
        channels: [
          { id: s.shop.id, name: "Shop" },
          { id: s.web.id, name: "Web" },
        ],
      },
      { id: s.mug.id, handle: "mug", label: { id: s.acme.id, name: "Acme" }, channels: [] },
    ])
  })

  test("links read from the other side too, and an unlinked record has null or an empty list", async () => {
    const labels = await t.query.graph({ entity: "label", fields: ["name", "items.handle"], pagination: { order: { name: "ASC", items: { handle: "ASC" } } } })
    expect(labels.data).toEqual([
      { id: s.acme.id, name: "Acme", items: [{ id: s.mug.id, handle: "mug" }, { id: s.shirt.id, handle: "shirt" }] },
      { id: s.globex.id, name: "Globex", items: [] },
    ])

    const stock = await t.query.graph({ entity: "stock_item", fields: ["sku", "item_variant.sku"], pagination: { order: { sku: "ASC" } } })
    expect(stock.data).toEqual([
      { id: s.ceramic.id, sku: "CERAMIC", item_variant: null },
      { id: s.cotton.id, sku: "COTTON", item_variant: { id: s.small.id, sku: "SHIRT-S" } },
    ])
  })

  test("a link's extra columns read through <model>_link, or through the link's own entity", async () => {
    const { data } = await t.query.graph({
      entity: "item_variant",
      fields: ["sku", "stock_item_link.required_quantity", "stock_item_link.stock_item.sku"],
      filters: { id: s.small.id },
    })
    expect(data).toEqual([
      {
        id: s.small.id,
        sku: "SHIRT-S",
        stock_item_link: [{ id: expect.stringMatching(/^link_/), required_quantity: 2, stock_item: { id: s.cotton.id, sku: "COTTON" } }],
      },
    ])

    const links = await t.query.graph({ entity: "item_variant_stock_item", fields: ["*", "item_variant.sku"] })
    expect(links.data).toEqual([
      {
        id: expect.stringMatching(/^link_/),
        item_variant_id: s.small.id,
        stock_item_id: s.cotton.id,
        required_quantity: 2,
        created_at: expect.any(Date),
        updated_at: expect.any(Date),
        deleted_at: null,
        item_variant: { id: s.small.id, sku: "SHIRT-S" },
      },
    ])
  })

  test("a relation named alone reads all its columns", async () => {
    const { data } = await t.query.graph({ entity: "item", fields: ["label"], filters: { id: s.shirt.id } })
    expect(data[0]?.label).toEqual(await t.label.retrieveLabel(s.acme.id))
  })
})

describe("soft-deleted records", () => {
  test("are left out of the result and of relations and links, unless withDeleted", async () => {
    await t.catalog.softDeleteItemVariants(s.medium.id)
    await t.channel.softDeleteChannels(s.shop.id)
    try {
      const { data } = await t.query.graph({ entity: "item", fields: ["variants.sku", "channels.name"], filters: { id: s.shirt.id } })
      expect(data[0]?.variants).toEqual([{ id: s.small.id, sku: "SHIRT-S" }])
      expect(data[0]?.channels).toEqual([{ id: s.web.id, name: "Web" }])

      const withDeleted = await t.query.graph({
        entity: "item",
        fields: ["variants.sku", "channels.name"],
        filters: { id: s.shirt.id },
        withDeleted: true,
      })
      expect((withDeleted.data[0]?.variants as unknown[]).length).toBe(2)
      expect((withDeleted.data[0]?.channels as unknown[]).length).toBe(2)
    } finally {
      await t.catalog.restoreItemVariants(s.medium.id)
      await t.channel.restoreChannels(s.shop.id)
    }
  })
})
