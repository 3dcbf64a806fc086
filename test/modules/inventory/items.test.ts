import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection, startInventoryApp, stockedItem } from "./inventory-app.ts"
import type { InventoryApp } from "./inventory-app.ts"

let t: InventoryApp
beforeAll(async () => {
  t = await startInventoryApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

describe("inventory items", () => {
  test("created with defaults and zero sums when it has no levels", async () => {
    const item = await t.inventory.createInventoryItems({ sku: "MUG", title: "Mug", weight: 300, origin_country: "dk" })

    expect(item).toMatchObject({
      sku: "MUG",
      title: "Mug",
      description: null,
      requires_shipping: true,
      weight: 300,
      origin_country: "dk",
      metadata: null,
      stocked_quantity: 0,
      reserved_quantity: 0,
    })
    expect(item.id).toMatch(/^iitem_/)
    expect(await t.inventory.retrieveInventoryItem(item.id)).toEqual(item)
  })

  test("created with its levels inline; reads carry the sums and, on request, the levels with what is available", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 10, sloc_b: 5 })
    await t.inventory.reserve([{ inventory_item_id: item.id, location_id: "sloc_a", quantity: 3 }])

    expect(item.location_levels?.map((l) => [l.location_id, l.stocked_quantity, l.available_quantity])).toEqual([
      ["sloc_a", 10, 10],
      ["sloc_b", 5, 5],
    ])
    const loaded = await t.inventory.retrieveInventoryItem(item.id, { relations: ["location_levels"] })
    expect(loaded).toMatchObject({ stocked_quantity: 15, reserved_quantity: 3 })
    expect(
      loaded.location_levels
        ?.map((l) => [l.location_id, l.stocked_quantity, l.reserved_quantity, l.available_quantity])
        .sort(),
    ).toEqual([
      ["sloc_a", 10, 3, 7],
      ["sloc_b", 5, 0, 5],
    ])
    expect(await t.inventory.retrieveInventoryItem(item.id)).not.toHaveProperty("location_levels")
  })

  test("list and listAndCount: filters, q over sku/title/description, sums on every row", async () => {
    await stockedItem(t.inventory, "SHIRT-S", { sloc_a: 1 })
    await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 2 })
    await t.inventory.createInventoryItems({ sku: "MUG", title: "Coffee mug", requires_shipping: false })

    const shirts = await t.inventory.listInventoryItems({ q: "shirt" }, { order: { sku: "ASC" } })
    expect(shirts.map((i) => [i.sku, i.stocked_quantity])).toEqual([
      ["SHIRT-M", 2],
      ["SHIRT-S", 1],
    ])
    const [page, count] = await t.inventory.listAndCountInventoryItems({ requires_shipping: true }, { take: 1 })
    expect(page).toHaveLength(1)
    expect(count).toBe(2)
    expect((await t.inventory.listInventoryItems({ q: "coffee" })).map((i) => i.sku)).toEqual(["MUG"])
  })

  test("a sku is unique among items that are not deleted", async () => {
    const first = await t.inventory.createInventoryItems({ sku: "MUG" })

    const error = await rejection(t.inventory.createInventoryItems({ sku: "MUG" }))
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(error.message).toBe("InventoryItem with sku: MUG already exists.")

    await t.inventory.softDeleteInventoryItems(first.id)
    expect((await t.inventory.createInventoryItems({ sku: "MUG" })).sku).toBe("MUG")
  })

  test("update changes the given fields and returns the item with its sums", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 4 })

    const updated = await t.inventory.updateInventoryItems({ id: item.id, title: "Shirt, medium", hs_code: "6109" })
    expect(updated).toMatchObject({ title: "Shirt, medium", hs_code: "6109", sku: "SHIRT-M", stocked_quantity: 4 })

    const bySelector = await t.inventory.updateInventoryItems({ selector: { sku: "SHIRT-M" }, data: { material: "cotton" } })
    expect(bySelector.map((i) => [i.material, i.stocked_quantity])).toEqual([["cotton", 4]])
    const missing = await rejection(t.inventory.updateInventoryItems({ id: "iitem_missing", title: "x" }))
    expect(missing.type).toBe(AgoraError.Types.NOT_FOUND)
  })

  test("delete removes the item with its levels and reservations; softDelete hides it until restored", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 4 })
    await t.inventory.reserve([{ inventory_item_id: item.id, location_id: "sloc_a", quantity: 1 }])
    const kept = await stockedItem(t.inventory, "KEPT", { sloc_a: 1 })

    await t.inventory.softDeleteInventoryItems(kept.id)
    expect((await t.inventory.listInventoryItems()).map((i) => i.id)).toEqual([item.id])
    await t.inventory.restoreInventoryItems(kept.id)

    await t.inventory.deleteInventoryItems(item.id)
    expect((await t.inventory.listInventoryItems()).map((i) => i.id)).toEqual([kept.id])
    expect(await t.rows("select id from inventory_level where inventory_item_id = ?", [item.id])).toEqual([])
    expect(await t.rows("select id from reservation_item")).toEqual([])
    const error = await rejection(t.inventory.retrieveInventoryItem(item.id))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe(`InventoryItem with id: ${item.id} was not found`)
  })

  test("an inline level with a bad quantity or a reserved quantity is refused, naming it", async () => {
    const negative = await rejection(
      t.inventory.createInventoryItems({ sku: "X", location_levels: [{ location_id: "sloc_a", stocked_quantity: -1 }] }),
    )
    expect(negative.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(negative.message).toBe("stocked_quantity of location_levels[0] must be a whole number of 0 or more, got -1")

    const reserved = await rejection(
      t.inventory.createInventoryItems({ sku: "X", location_levels: [{ location_id: "sloc_a", reserved_quantity: 2 }] }),
    )
    expect(reserved.message).toBe(
      "reserved_quantity of location_levels[0] cannot be set: it follows the reservations (reserve or release instead)",
    )
    const noLocation = await rejection(t.inventory.createInventoryItems({ sku: "X", location_levels: [{ stocked_quantity: 1 }] }))
    expect(noLocation.message).toBe("location_id of location_levels[0] is required")
    expect(await t.rows("select id from inventory_item")).toEqual([])
  })
})
