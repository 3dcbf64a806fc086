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

describe("inventory levels", () => {
  test("created on their own, one per item and location, returned with available_quantity", async () => {
    const item = await t.inventory.createInventoryItems({ sku: "MUG" })

    const level = await t.inventory.createInventoryLevels({ inventory_item_id: item.id, location_id: "sloc_a", stocked_quantity: 7, incoming_quantity: 2 })
    expect(level).toMatchObject({ location_id: "sloc_a", stocked_quantity: 7, reserved_quantity: 0, incoming_quantity: 2, available_quantity: 7 })
    expect(level.id).toMatch(/^ilev_/)

    const error = await rejection(t.inventory.createInventoryLevels({ inventory_item_id: item.id, location_id: "sloc_a" }))
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(error.message).toBe(`InventoryLevel with inventory_item_id, location_id: ${item.id}, sloc_a already exists.`)
  })

  test("a level for an unknown item, or without an item, is invalid_data", async () => {
    const unknown = await rejection(t.inventory.createInventoryLevels({ inventory_item_id: "iitem_missing", location_id: "sloc_a" }))
    expect(unknown.type).toBe(AgoraError.Types.INVALID_DATA)
    const none = await rejection(t.inventory.createInventoryLevels({ location_id: "sloc_a" } as { inventory_item_id: string; location_id: string }))
    expect(none.message).toBe("inventory_item_id of an inventory level is required")
  })

  test("list, listAndCount, retrieve and retrieveInventoryLevelByItemAndLocation carry available_quantity", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 10, sloc_b: 2 })
    await t.inventory.reserve([{ inventory_item_id: item.id, location_id: "sloc_a", quantity: 4 }])

    const levels = await t.inventory.listInventoryLevels({ inventory_item_id: item.id }, { order: { location_id: "ASC" } })
    expect(levels.map((l) => [l.location_id, l.available_quantity])).toEqual([
      ["sloc_a", 6],
      ["sloc_b", 2],
    ])
    const [page, count] = await t.inventory.listAndCountInventoryLevels({ location_id: "sloc_a" })
    expect([page[0]?.available_quantity, count]).toEqual([6, 1])
    expect((await t.inventory.retrieveInventoryLevel(page[0]!.id)).available_quantity).toBe(6)
    const byPair = await t.inventory.retrieveInventoryLevelByItemAndLocation(item.id, "sloc_b")
    expect(byPair).toMatchObject({ location_id: "sloc_b", available_quantity: 2 })

    const error = await rejection(t.inventory.retrieveInventoryLevelByItemAndLocation(item.id, "sloc_c"))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe(`Item ${item.id} is not stocked at location sloc_c`)
  })

  test("update sets stocked and incoming (even below what is reserved), never reserved or what identifies the level", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 10 })
    await t.inventory.reserve([{ inventory_item_id: item.id, location_id: "sloc_a", quantity: 4 }])
    const level = await t.inventory.retrieveInventoryLevelByItemAndLocation(item.id, "sloc_a")

    const updated = await t.inventory.updateInventoryLevels({ id: level.id, stocked_quantity: 3, incoming_quantity: 5 })
    expect(updated).toMatchObject({ stocked_quantity: 3, reserved_quantity: 4, incoming_quantity: 5, available_quantity: -1 })
    const bySelector = await t.inventory.updateInventoryLevels({ selector: { location_id: "sloc_a" }, data: { stocked_quantity: 8 } })
    expect(bySelector.map((l) => l.available_quantity)).toEqual([4])

    const reserved = await rejection(t.inventory.updateInventoryLevels({ id: level.id, reserved_quantity: 0 } as { id: string }))
    expect(reserved.message).toBe(
      `reserved_quantity of inventory level ${level.id} cannot be set: it follows the reservations (reserve or release instead)`,
    )
    const moved = await rejection(t.inventory.updateInventoryLevels({ id: level.id, location_id: "sloc_b" } as { id: string }))
    expect(moved.message).toBe(`location_id of inventory level ${level.id} cannot be changed`)
    const negative = await rejection(t.inventory.updateInventoryLevels({ id: level.id, stocked_quantity: -1 }))
    expect(negative.message).toBe(`stocked_quantity of inventory level ${level.id} must be a whole number of 0 or more, got -1`)
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 8, reserved: 4 })
  })

  test("generated delete, softDelete and restore", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 10, sloc_b: 1 })
    const [a, b] = await t.inventory.listInventoryLevels({ inventory_item_id: item.id }, { order: { location_id: "ASC" } })

    await t.inventory.softDeleteInventoryLevels(a!.id)
    expect((await t.inventory.retrieveInventoryItem(item.id)).stocked_quantity).toBe(1)
    await t.inventory.restoreInventoryLevels(a!.id)
    await t.inventory.deleteInventoryLevels(b!.id)
    expect((await t.inventory.retrieveInventoryItem(item.id)).stocked_quantity).toBe(10)
  })
})

describe("stock arithmetic", () => {
  test("adjustInventory adds to or takes from stocked; below reserved is allowed, below 0 is not", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 10 })
    await t.inventory.reserve([{ inventory_item_id: item.id, location_id: "sloc_a", quantity: 6 }])

    expect(await t.inventory.adjustInventory(item.id, "sloc_a", 5)).toMatchObject({ stocked_quantity: 15, available_quantity: 9 })
    expect(await t.inventory.adjustInventory(item.id, "sloc_a", -11)).toMatchObject({ stocked_quantity: 4, available_quantity: -2 })

    const error = await rejection(t.inventory.adjustInventory(item.id, "sloc_a", -5))
    expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(error.message).toBe(`Cannot adjust the stocked quantity of item ${item.id} (sku SHIRT-M) at location sloc_a by -5: only 4 in stock`)
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 4, reserved: 6 })
  })

  test("a list of adjustments applies all or none; a level that does not exist is not_found", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 10, sloc_b: 1 })

    const levels = await t.inventory.adjustInventory([
      { inventoryItemId: item.id, locationId: "sloc_b", adjustment: 2 },
      { inventoryItemId: item.id, locationId: "sloc_a", adjustment: -3 },
    ])
    expect(levels.map((l) => [l.location_id, l.stocked_quantity]).sort()).toEqual([
      ["sloc_a", 7],
      ["sloc_b", 3],
    ])

    const error = await rejection(
      t.inventory.adjustInventory([
        { inventoryItemId: item.id, locationId: "sloc_a", adjustment: 1 },
        { inventoryItemId: item.id, locationId: "sloc_c", adjustment: 1 },
      ]),
    )
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe(`Item ${item.id} (sku SHIRT-M) is not stocked at location sloc_c`)
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 7, reserved: 0 })

    const fractional = await rejection(t.inventory.adjustInventory(item.id, "sloc_a", 0.5))
    expect(fractional.message).toBe(`adjustment of item ${item.id} at location sloc_a must be a whole number, got 0.5`)
  })

  test("available, stocked and reserved quantities sum over the given locations only", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 10, sloc_b: 5, sloc_c: 100 })
    await t.inventory.reserve([
      { inventory_item_id: item.id, location_id: "sloc_a", quantity: 2 },
      { inventory_item_id: item.id, location_id: "sloc_b", quantity: 1 },
    ])

    expect(await t.inventory.retrieveStockedQuantity(item.id, ["sloc_a", "sloc_b"])).toBe(15)
    expect(await t.inventory.retrieveReservedQuantity(item.id, ["sloc_a", "sloc_b"])).toBe(3)
    expect(await t.inventory.retrieveAvailableQuantity(item.id, ["sloc_a", "sloc_b"])).toBe(12)
    expect(await t.inventory.retrieveAvailableQuantity(item.id, ["sloc_elsewhere"])).toBe(0)
    expect(await t.inventory.retrieveAvailableQuantity(item.id, [])).toBe(0)

    const error = await rejection(t.inventory.retrieveAvailableQuantity("iitem_missing", ["sloc_a"]))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("InventoryItem with id: iitem_missing was not found")
  })

  test("confirmInventory answers whether the locations together cover the quantity, reserving nothing", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 3, sloc_b: 2 })

    expect(await t.inventory.confirmInventory(item.id, ["sloc_a", "sloc_b"], 5)).toBe(true)
    expect(await t.inventory.confirmInventory(item.id, ["sloc_a", "sloc_b"], 6)).toBe(false)
    expect(await t.inventory.confirmInventory(item.id, ["sloc_a"], 4)).toBe(false)
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 3, reserved: 0 })
    const error = await rejection(t.inventory.confirmInventory(item.id, ["sloc_a"], -1))
    expect(error.message).toBe("quantity must be a whole number of 0 or more, got -1")
  })
})
