import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection } from "../modules/blog-app.ts"
import { startLinkApp } from "./link-app.ts"
import type { LinkApp } from "./link-app.ts"
import { seedCatalog } from "./seed.ts"

let t: LinkApp
let s: Awaited<ReturnType<typeof seedCatalog>>
beforeAll(async () => {
  t = await startLinkApp()
})
afterAll(() => t.close())
beforeEach(async () => {
  await t.reset()
  s = await seedCatalog(t)
})

const labelRows = () => t.rows("select item_id, label_id, deleted_at is not null as deleted from catalog_item_label_label order by item_id")

describe("create", () => {
  test("links two records and returns the link rows with their ids and timestamps", async () => {
    const rows = await t.link.create({ catalog: { item_id: s.shirt.id }, label: { label_id: s.acme.id } })

    expect(rows).toEqual([
      expect.objectContaining({ item_id: s.shirt.id, label_id: s.acme.id, deleted_at: null, created_at: expect.any(Date) }),
    ])
    expect(rows[0]?.id).toMatch(/^link_/)
    expect(await labelRows()).toEqual([{ item_id: s.shirt.id, label_id: s.acme.id, deleted: false }])
  })

  test("the modules may be given in either order, and many links at once", async () => {
    await t.link.create([
      { channel: { channel_id: s.web.id }, catalog: { item_id: s.shirt.id } },
      { catalog: { item_id: s.shirt.id }, channel: { channel_id: s.shop.id } },
      { catalog: { item_id: s.mug.id }, channel: { channel_id: s.web.id } },
    ])
    const rows = await t.rows("select item_id, channel_id from catalog_item_channel_channel order by item_id, channel_id")
    expect(rows).toHaveLength(3)
  })

  test("linking the same pair again keeps one link", async () => {
    const link = { catalog: { item_id: s.shirt.id }, channel: { channel_id: s.web.id } }
    const [first] = await t.link.create(link)
    const [second] = await t.link.create([link, link])

    expect(second?.id).toBe(first?.id)
    expect(await t.rows("select id from catalog_item_channel_channel")).toHaveLength(1)
  })

  test("extra columns take their default, or the value given under data", async () => {
    await t.link.create([
      { catalog: { item_variant_id: s.small.id }, stock: { stock_item_id: s.cotton.id } },
      { catalog: { item_variant_id: s.medium.id }, stock: { stock_item_id: s.ceramic.id }, data: { required_quantity: 4 } },
    ])
    const rows = await t.rows("select stock_item_id, required_quantity from catalog_item_variant_stock_stock_item order by required_quantity")
    expect(rows).toEqual([
      { stock_item_id: s.cotton.id, required_quantity: 1 },
      { stock_item_id: s.ceramic.id, required_quantity: 4 },
    ])
  })

  test("creating an existing link with data updates its extra columns", async () => {
    const pair = { catalog: { item_variant_id: s.small.id }, stock: { stock_item_id: s.cotton.id } }
    await t.link.create(pair)
    const [updated] = await t.link.create({ ...pair, data: { required_quantity: 2 } })
    expect(updated?.required_quantity).toBe(2)
  })

  test("a side seen as one record (isList false) takes one link: a second label for an item is refused", async () => {
    await t.link.create({ catalog: { item_id: s.shirt.id }, label: { label_id: s.acme.id } })

    const error = await rejection(t.link.create({ catalog: { item_id: s.shirt.id }, label: { label_id: s.globex.id } }))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(`Cannot create multiple links between 'item' and 'label': item_id ${s.shirt.id} is already linked`)
    // The label side is a list: one label may still have many items.
    await t.link.create({ catalog: { item_id: s.mug.id }, label: { label_id: s.acme.id } })
    expect(await labelRows()).toHaveLength(2)
  })

  test("a record that does not exist (or is soft-deleted) cannot be linked, and nothing is written", async () => {
    await t.label.softDeleteLabels(s.globex.id)
    const missing = await rejection(
      t.link.create([
        { catalog: { item_id: s.shirt.id }, label: { label_id: s.acme.id } },
        { catalog: { item_id: "item_missing" }, label: { label_id: s.acme.id } },
      ]),
    )
    expect(missing.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(missing.message).toBe("item with id: item_missing was not found")

    const deleted = await rejection(t.link.create({ catalog: { item_id: s.shirt.id }, label: { label_id: s.globex.id } }))
    expect(deleted.message).toBe(`label with id: ${s.globex.id} was not found`)
    expect(await labelRows()).toEqual([])
  })

  test("an undefined link, a wrong key or unknown data is refused with invalid_data naming it", async () => {
    const noLink = await rejection(t.link.create({ label: { label_id: s.acme.id }, channel: { channel_id: s.web.id } }))
    expect(noLink.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(noLink.message).toBe("No link between label.label_id and channel.channel_id is defined")

    const wrongKey = await rejection(t.link.create({ catalog: { product_id: s.shirt.id }, label: { label_id: s.acme.id } }))
    expect(wrongKey.message).toBe("No link between catalog.product_id and label.label_id is defined")

    const oneModule = await rejection(t.link.create({ catalog: { item_id: s.shirt.id } }))
    expect(oneModule.message).toBe("link.create needs records of exactly two modules, got catalog.item_id")

    const badData = await rejection(
      t.link.create({ catalog: { item_variant_id: s.small.id }, stock: { stock_item_id: s.cotton.id }, data: { quantity: 2 } }),
    )
    expect(badData.message).toBe("Link item_variant<->stock_item has no column 'quantity'")

    const badId = await rejection(t.link.create({ catalog: { item_id: "" }, label: { label_id: s.acme.id } }))
    expect(badId.message).toBe("item_id must be a non-empty string")
  })
})

describe("list and dismiss", () => {
  beforeEach(async () => {
    await t.link.create([
      { catalog: { item_id: s.shirt.id }, channel: { channel_id: s.web.id } },
      { catalog: { item_id: s.shirt.id }, channel: { channel_id: s.shop.id } },
      { catalog: { item_id: s.mug.id }, channel: { channel_id: s.web.id } },
    ])
  })

  test("list finds the links of the given ids on each side", async () => {
    const ofShirt = await t.link.list({ catalog: { item_id: s.shirt.id }, channel: { channel_id: [s.web.id, s.shop.id] } })
    expect(ofShirt.map((row) => row.channel_id).sort()).toEqual([s.web.id, s.shop.id].sort())

    const both = await t.link.list({ catalog: { item_id: [s.shirt.id, s.mug.id] }, channel: { channel_id: s.web.id } })
    expect(both.map((row) => row.item_id).sort()).toEqual([s.shirt.id, s.mug.id].sort())
  })

  test("list can answer in the shape create takes", async () => {
    const links = await t.link.list(
      { catalog: { item_id: s.mug.id }, channel: { channel_id: [s.web.id, s.shop.id] } },
      { asLinkDefinition: true },
    )
    expect(links).toEqual([{ catalog: { item_id: s.mug.id }, channel: { channel_id: s.web.id } }])
  })

  test("dismiss removes exactly the given pairs and returns them", async () => {
    const removed = await t.link.dismiss({ catalog: { item_id: s.shirt.id }, channel: { channel_id: s.web.id } })

    expect(removed).toEqual([expect.objectContaining({ item_id: s.shirt.id, channel_id: s.web.id })])
    const left = await t.rows("select item_id, channel_id from catalog_item_channel_channel order by item_id")
    expect(left).toEqual(
      expect.arrayContaining([
        { item_id: s.shirt.id, channel_id: s.shop.id },
        { item_id: s.mug.id, channel_id: s.web.id },
      ]),
    )
    expect(left).toHaveLength(2)
    expect(await t.link.dismiss({ catalog: { item_id: s.shirt.id }, channel: { channel_id: s.web.id } })).toEqual([])
  })
})

describe("delete and restore", () => {
  test("delete soft-deletes every link of the records; restore brings them back", async () => {
    await t.link.create([
      { catalog: { item_id: s.shirt.id }, channel: { channel_id: s.web.id } },
      { catalog: { item_id: s.shirt.id }, label: { label_id: s.acme.id } },
      { catalog: { item_id: s.mug.id }, channel: { channel_id: s.web.id } },
    ])

    await t.link.delete({ catalog: { item_id: [s.shirt.id] } })

    const live = await t.rows("select item_id from catalog_item_channel_channel where deleted_at is null")
    expect(live).toEqual([{ item_id: s.mug.id }])
    expect(await labelRows()).toEqual([{ item_id: s.shirt.id, label_id: s.acme.id, deleted: true }])
    expect(await t.link.list({ catalog: { item_id: s.shirt.id }, channel: { channel_id: s.web.id } })).toEqual([])

    await t.link.restore({ catalog: { item_id: s.shirt.id } })
    expect(await t.rows("select item_id from catalog_item_channel_channel where deleted_at is null")).toHaveLength(2)
    expect(await labelRows()).toEqual([{ item_id: s.shirt.id, label_id: s.acme.id, deleted: false }])
  })

  test("restore leaves out a link that would clash with one made since", async () => {
    await t.link.create({ catalog: { item_id: s.shirt.id }, label: { label_id: s.acme.id } })
    await t.link.delete({ catalog: { item_id: s.shirt.id } })
    await t.link.create({ catalog: { item_id: s.shirt.id }, label: { label_id: s.globex.id } })

    await t.link.restore({ catalog: { item_id: s.shirt.id } })

    const live = await t.rows("select label_id from catalog_item_label_label where deleted_at is null")
    expect(live).toEqual([{ label_id: s.globex.id }])
  })

  test("delete with a key no link uses is refused", async () => {
    const error = await rejection(t.link.delete({ catalog: { handle: [s.shirt.id] } }))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe("No link uses catalog.handle")
  })
})
