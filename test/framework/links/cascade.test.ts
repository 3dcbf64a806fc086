import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
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
  await t.link.create([
    { catalog: { item_id: s.shirt.id }, label: { label_id: s.acme.id } },
    { catalog: { item_id: s.mug.id }, label: { label_id: s.acme.id } },
    { catalog: { item_id: s.shirt.id }, channel: { channel_id: s.web.id } },
    { catalog: { item_id: s.mug.id }, channel: { channel_id: s.web.id } },
    { catalog: { item_variant_id: s.small.id }, stock: { stock_item_id: s.cotton.id } },
    { catalog: { item_variant_id: s.mugVariant.id }, stock: { stock_item_id: s.ceramic.id } },
  ])
})

/** Each link row as `table: item/variant id -> other id (live|deleted)`. */
async function links(): Promise<string[]> {
  const rows = await t.rows<{ line: string }>(`
    select 'label: ' || item_id || ' -> ' || label_id || case when deleted_at is null then ' live' else ' deleted' end as line from catalog_item_label_label
    union all
    select 'channel: ' || item_id || ' -> ' || channel_id || case when deleted_at is null then ' live' else ' deleted' end from catalog_item_channel_channel
    union all
    select 'stock: ' || item_variant_id || ' -> ' || stock_item_id || case when deleted_at is null then ' live' else ' deleted' end from catalog_item_variant_stock_stock_item`)
  return rows.map((row) => row.line).sort()
}

const stockState = async () =>
  (await t.rows<{ sku: string; deleted: boolean }>("select sku, deleted_at is not null as deleted from stock_item order by sku")).map(
    (row) => `${row.sku}${row.deleted ? " deleted" : ""}`,
  )

describe("a record's links follow it", () => {
  test("soft-deleting an item soft-deletes its links only; restoring it restores them", async () => {
    const before = await links()
    await t.catalog.softDeleteItems(s.shirt.id)

    expect(await links()).toEqual(
      [
        `label: ${s.shirt.id} -> ${s.acme.id} deleted`,
        `label: ${s.mug.id} -> ${s.acme.id} live`,
        `channel: ${s.shirt.id} -> ${s.web.id} deleted`,
        `channel: ${s.mug.id} -> ${s.web.id} live`,
        `stock: ${s.small.id} -> ${s.cotton.id} live`,
        `stock: ${s.mugVariant.id} -> ${s.ceramic.id} live`,
      ].sort(),
    )

    await t.catalog.restoreItems(s.shirt.id)
    expect(await links()).toEqual(before)
  })

  test("soft-deleting the other side (a label) soft-deletes the links to it", async () => {
    await t.label.softDeleteLabels(s.acme.id)
    expect((await links()).filter((line) => line.startsWith("label:"))).toEqual(
      [`label: ${s.shirt.id} -> ${s.acme.id} deleted`, `label: ${s.mug.id} -> ${s.acme.id} deleted`].sort(),
    )
    expect(await t.rows("select id from item where deleted_at is null")).toHaveLength(2)
  })

  test("hard-deleting an item deletes its links, and those of the variants the database deletes with it", async () => {
    await t.catalog.deleteItems(s.shirt.id)

    expect(await links()).toEqual(
      [`label: ${s.mug.id} -> ${s.acme.id} live`, `channel: ${s.mug.id} -> ${s.web.id} live`, `stock: ${s.mugVariant.id} -> ${s.ceramic.id} live`].sort(),
    )
    expect(await t.rows("select id from item_variant where item_id = ?", [s.shirt.id])).toEqual([])
  })

  test("deleting a stock item (no deleteCascade on its side) removes the link but keeps the variant", async () => {
    await t.stock.deleteStockItems(s.cotton.id)
    expect((await links()).filter((line) => line.startsWith("stock:"))).toEqual([`stock: ${s.mugVariant.id} -> ${s.ceramic.id} live`])
    expect(await t.rows("select id from item_variant where id = ? and deleted_at is null", [s.small.id])).toHaveLength(1)
  })
})

describe("deleteCascade", () => {
  test("soft-deleting a variant soft-deletes its stock items; restoring it restores them", async () => {
    await t.catalog.softDeleteItemVariants(s.small.id)

    expect(await stockState()).toEqual(["CERAMIC", "COTTON deleted"])
    expect((await links()).filter((line) => line.startsWith("stock:"))).toEqual(
      [`stock: ${s.small.id} -> ${s.cotton.id} deleted`, `stock: ${s.mugVariant.id} -> ${s.ceramic.id} live`].sort(),
    )

    await t.catalog.restoreItemVariants(s.small.id)
    expect(await stockState()).toEqual(["CERAMIC", "COTTON"])
    expect(await links()).toContain(`stock: ${s.small.id} -> ${s.cotton.id} live`)
  })

  test("hard-deleting an item deletes the stock items of the variants that go with it", async () => {
    await t.catalog.deleteItems(s.shirt.id)
    expect(await t.rows("select sku from stock_item order by sku")).toEqual([{ sku: "CERAMIC" }])
  })

  test("link.delete cascades the same way a service's soft delete does", async () => {
    await t.link.delete({ catalog: { item_variant_id: [s.mugVariant.id] } })
    expect(await stockState()).toEqual(["CERAMIC deleted", "COTTON"])

    await t.link.restore({ catalog: { item_variant_id: s.mugVariant.id } })
    expect(await stockState()).toEqual(["CERAMIC", "COTTON"])
  })

  test("the record, its links and the cascaded records change in one transaction", async () => {
    await t.app.database
      .transaction(async () => {
        await t.catalog.softDeleteItemVariants(s.small.id)
        throw new Error("changed my mind")
      })
      .catch(() => undefined)

    expect(await stockState()).toEqual(["CERAMIC", "COTTON"])
    expect(await links()).toContain(`stock: ${s.small.id} -> ${s.cotton.id} live`)
    expect(await t.rows("select id from item_variant where id = ? and deleted_at is null", [s.small.id])).toHaveLength(1)
  })
})
