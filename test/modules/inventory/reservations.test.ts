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

describe("reserve", () => {
  test("creates the reservations and raises the level's reserved quantity", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 10 })

    const [reservation] = await t.inventory.reserve([
      { inventory_item_id: item.id, location_id: "sloc_a", quantity: 3, line_item_id: "ordli_1", description: "order 1", created_by: "user_1", metadata: { source: "checkout" } },
    ])

    expect(reservation).toMatchObject({
      inventory_item_id: item.id,
      location_id: "sloc_a",
      quantity: 3,
      line_item_id: "ordli_1",
      description: "order 1",
      created_by: "user_1",
      allow_backorder: false,
      metadata: { source: "checkout" },
    })
    expect(reservation?.id).toMatch(/^resitem_/)
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 10, reserved: 3 })
    expect(await t.inventory.retrieveAvailableQuantity(item.id, ["sloc_a"])).toBe(7)
  })

  test("lines of the same item and location are summed before the check", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 3 })

    const error = await rejection(
      t.inventory.reserve([
        { inventory_item_id: item.id, location_id: "sloc_a", quantity: 2 },
        { inventory_item_id: item.id, location_id: "sloc_a", quantity: 2 },
      ]),
    )

    expect(error.message).toBe(`Not enough stock available for item ${item.id} (sku SHIRT-M) at location sloc_a: requested 4, available 3`)
    const made = await t.inventory.reserve([
      { inventory_item_id: item.id, location_id: "sloc_a", quantity: 1 },
      { inventory_item_id: item.id, location_id: "sloc_a", quantity: 2 },
    ])
    expect(made.map((reservation) => reservation.quantity)).toEqual([1, 2])
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 3, reserved: 3 })
  })

  test("when the second item falls short, nothing is reserved", async () => {
    const first = await stockedItem(t.inventory, "FIRST", { sloc_a: 10 })
    const second = await stockedItem(t.inventory, "SECOND", { sloc_a: 1 })

    const error = await rejection(
      t.inventory.reserve([
        { inventory_item_id: first.id, location_id: "sloc_a", quantity: 5 },
        { inventory_item_id: second.id, location_id: "sloc_a", quantity: 2 },
      ]),
    )

    expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(error.code).toBe("insufficient_inventory")
    expect(error.message).toBe(`Not enough stock available for item ${second.id} (sku SECOND) at location sloc_a: requested 2, available 1`)
    expect(await t.level(first.id, "sloc_a")).toEqual({ stocked: 10, reserved: 0 })
    expect(await t.level(second.id, "sloc_a")).toEqual({ stocked: 1, reserved: 0 })
    expect(await t.rows("select id from reservation_item")).toEqual([])
  })

  test("an item without a sku is named by its id alone", async () => {
    const item = await stockedItem(t.inventory, null, { sloc_a: 0 })
    const error = await rejection(t.inventory.reserve([{ inventory_item_id: item.id, location_id: "sloc_a", quantity: 1 }]))
    expect(error.message).toBe(`Not enough stock available for item ${item.id} at location sloc_a: requested 1, available 0`)
  })

  test("a location without a level for the item is refused, naming both", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 10 })

    const error = await rejection(t.inventory.reserve([{ inventory_item_id: item.id, location_id: "sloc_b", quantity: 1 }]))

    expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(error.code).toBe("insufficient_inventory")
    expect(error.message).toBe(`Item ${item.id} (sku SHIRT-M) is not stocked at location sloc_b`)
  })

  test("an unknown item is not_found", async () => {
    const error = await rejection(t.inventory.reserve([{ inventory_item_id: "iitem_missing", location_id: "sloc_a", quantity: 1 }]))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("InventoryItem with id: iitem_missing was not found")
  })

  test("allow_backorder reserves past the stock; available goes negative", async () => {
    const item = await stockedItem(t.inventory, "PREORDER", { sloc_a: 1 })

    await t.inventory.reserve([{ inventory_item_id: item.id, location_id: "sloc_a", quantity: 4, allow_backorder: true }])

    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 1, reserved: 4 })
    expect(await t.inventory.retrieveAvailableQuantity(item.id, "sloc_a")).toBe(-3)
  })

  test.each([
    [0, "must be a whole number greater than 0, got 0"],
    [-2, "must be a whole number greater than 0, got -2"],
    [1.5, "must be a whole number greater than 0, got 1.5"],
    ["2", 'must be a whole number greater than 0, got "2"'],
  ])("a quantity of %j is invalid_data naming the field, item and location", async (quantity, reason) => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 10 })
    const error = await rejection(
      t.inventory.reserve([{ inventory_item_id: item.id, location_id: "sloc_a", quantity: quantity as number }]),
    )
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(`quantity of the reservation of item ${item.id} at location sloc_a ${reason}`)
  })

  test("a line without a location is invalid_data", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 10 })
    const error = await rejection(
      t.inventory.reserve([{ inventory_item_id: item.id, location_id: "", quantity: 1 }]),
    )
    expect(error.message).toBe(`location_id of the reservation of item ${item.id} is required`)
  })

  test("createReservationItems is reserve under Medusa's name: one input or a list", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 5 })

    const one = await t.inventory.createReservationItems({ inventory_item_id: item.id, location_id: "sloc_a", quantity: 2 })
    const many = await t.inventory.createReservationItems([{ inventory_item_id: item.id, location_id: "sloc_a", quantity: 3 }])

    expect(one.quantity).toBe(2)
    expect(many.map((reservation) => reservation.quantity)).toEqual([3])
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 5, reserved: 5 })
    await rejection(t.inventory.createReservationItems({ inventory_item_id: item.id, location_id: "sloc_a", quantity: 1 }))
  })

  test("an empty list reserves nothing", async () => {
    expect(await t.inventory.reserve([])).toEqual([])
  })
})

describe("reading reservations", () => {
  test("generated list, listAndCount and retrieve, with the item on request", async () => {
    const item = await stockedItem(t.inventory, "SHIRT-M", { sloc_a: 5, sloc_b: 5 })
    const [a, b] = await t.inventory.reserve([
      { inventory_item_id: item.id, location_id: "sloc_a", quantity: 1, line_item_id: "ordli_1" },
      { inventory_item_id: item.id, location_id: "sloc_b", quantity: 2, line_item_id: "ordli_2" },
    ])

    expect((await t.inventory.listReservationItems({ location_id: "sloc_b" })).map((r) => r.id)).toEqual([b?.id])
    const [rows, count] = await t.inventory.listAndCountReservationItems({ inventory_item_id: item.id }, { take: 1 })
    expect([rows.length, count]).toEqual([1, 2])
    const loaded = await t.inventory.retrieveReservationItem(a!.id, { relations: ["inventory_item"] })
    expect(loaded.inventory_item).toMatchObject({ id: item.id, sku: "SHIRT-M" })
    const error = await rejection(t.inventory.retrieveReservationItem("resitem_missing"))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
  })
})
