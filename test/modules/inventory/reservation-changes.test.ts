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

async function reservedItem(stock: Record<string, number>, quantities: Record<string, number>) {
  const item = await stockedItem(t.inventory, "SHIRT-M", stock)
  const reservations = await t.inventory.reserve(
    Object.entries(quantities).map(([location_id, quantity], index) => ({
      inventory_item_id: item.id,
      location_id,
      quantity,
      line_item_id: `ordli_${index}`,
    })),
  )
  return { item, reservations, ids: reservations.map((reservation) => reservation.id) }
}

describe("release", () => {
  test("deletes the reservations, gives their units back and returns them as they were", async () => {
    const { item, ids } = await reservedItem({ sloc_a: 10 }, { sloc_a: 4 })

    const released = await t.inventory.release(ids)

    expect(released).toEqual([expect.objectContaining({ id: ids[0], quantity: 4 })])
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 10, reserved: 0 })
    expect(await t.rows("select id from reservation_item")).toEqual([])
  })

  test("a released or unknown id is skipped, so a retried release gives nothing back twice", async () => {
    const { item, ids } = await reservedItem({ sloc_a: 10 }, { sloc_a: 4 })
    await t.inventory.reserve([{ inventory_item_id: item.id, location_id: "sloc_a", quantity: 1 }])

    await t.inventory.deleteReservationItems(ids)
    expect(await t.inventory.release([...ids, "resitem_missing"])).toEqual([])

    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 10, reserved: 1 })
  })

  test("deleteReservationItemsByLineItem releases every reservation of those line items", async () => {
    const { item } = await reservedItem({ sloc_a: 10, sloc_b: 10 }, { sloc_a: 2, sloc_b: 3 })

    await t.inventory.deleteReservationItemsByLineItem("ordli_1")

    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 10, reserved: 2 })
    expect(await t.level(item.id, "sloc_b")).toEqual({ stocked: 10, reserved: 0 })
    expect((await t.inventory.listReservationItems()).map((r) => r.line_item_id)).toEqual(["ordli_0"])
  })

  test("softDelete releases; restore holds the stock again", async () => {
    const { item, ids } = await reservedItem({ sloc_a: 10 }, { sloc_a: 4 })

    await t.inventory.softDeleteReservationItems(ids)
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 10, reserved: 0 })
    expect(await t.inventory.listReservationItems()).toEqual([])

    await t.inventory.restoreReservationItems(ids)
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 10, reserved: 4 })
    expect((await t.inventory.listReservationItems()).map((r) => r.id)).toEqual(ids)
  })

  test("restore is refused when the stock has gone meanwhile", async () => {
    const { item, ids } = await reservedItem({ sloc_a: 5 }, { sloc_a: 4 })
    await t.inventory.softDeleteReservationItems(ids)
    await t.inventory.reserve([{ inventory_item_id: item.id, location_id: "sloc_a", quantity: 3 }])

    const error = await rejection(t.inventory.restoreReservationItems(ids))

    expect(error.message).toBe(`Not enough stock available for item ${item.id} (sku SHIRT-M) at location sloc_a: requested 4, available 2`)
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 5, reserved: 3 })
    expect(await t.inventory.listReservationItems({ id: ids })).toEqual([])
  })
})

describe("updateReservationItems", () => {
  test("a larger quantity takes more from the level, a smaller one gives back", async () => {
    const { item, ids } = await reservedItem({ sloc_a: 10 }, { sloc_a: 4 })

    const grown = await t.inventory.updateReservationItems({ id: ids[0]!, quantity: 9, description: "grown" })
    expect(grown).toMatchObject({ id: ids[0], quantity: 9, description: "grown" })
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 10, reserved: 9 })

    await t.inventory.updateReservationItems([{ id: ids[0]!, quantity: 2 }])
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 10, reserved: 2 })
  })

  test("growing past the stock is refused and changes nothing", async () => {
    const { item, ids } = await reservedItem({ sloc_a: 10 }, { sloc_a: 4 })

    const error = await rejection(t.inventory.updateReservationItems({ id: ids[0]!, quantity: 11, description: "x" }))

    expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(error.message).toBe(`Not enough stock available for item ${item.id} (sku SHIRT-M) at location sloc_a: requested 7, available 6`)
    expect(await t.inventory.retrieveReservationItem(ids[0]!)).toMatchObject({ quantity: 4, description: null })
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 10, reserved: 4 })
  })

  test("a new location moves the reserved units between levels", async () => {
    const { item, ids } = await reservedItem({ sloc_a: 10, sloc_b: 3 }, { sloc_a: 3 })

    await t.inventory.updateReservationItems({ id: ids[0]!, location_id: "sloc_b" })

    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 10, reserved: 0 })
    expect(await t.level(item.id, "sloc_b")).toEqual({ stocked: 3, reserved: 3 })
    const error = await rejection(t.inventory.updateReservationItems({ id: ids[0]!, location_id: "sloc_c" }))
    expect(error.message).toBe(`Item ${item.id} (sku SHIRT-M) is not stocked at location sloc_c`)
  })

  test("by selector: every matching reservation changes", async () => {
    const { item } = await reservedItem({ sloc_a: 10, sloc_b: 10 }, { sloc_a: 1, sloc_b: 1 })

    const updated = await t.inventory.updateReservationItems({ selector: { inventory_item_id: item.id }, data: { quantity: 2 } })

    expect(updated.map((r) => r.quantity)).toEqual([2, 2])
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 10, reserved: 2 })
    expect(await t.level(item.id, "sloc_b")).toEqual({ stocked: 10, reserved: 2 })
  })

  test("the item cannot change, a bad quantity is invalid, an unknown id is not_found", async () => {
    const { ids } = await reservedItem({ sloc_a: 10 }, { sloc_a: 1 })

    const moved = await rejection(
      t.inventory.updateReservationItems({ id: ids[0]!, inventory_item_id: "iitem_other" } as { id: string }),
    )
    expect(moved.message).toBe(
      `ReservationItem ${ids[0]}: inventory_item_id cannot be changed; release the reservation and reserve the other item`,
    )
    const zero = await rejection(t.inventory.updateReservationItems({ id: ids[0]!, quantity: 0 }))
    expect(zero.message).toBe(`quantity of reservation ${ids[0]} must be a whole number greater than 0, got 0`)
    const missing = await rejection(t.inventory.updateReservationItems({ id: "resitem_missing", quantity: 1 }))
    expect(missing.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(missing.message).toBe("ReservationItem with id: resitem_missing was not found")
  })
})

describe("consumeReservations (fulfilment)", () => {
  test("stocked and reserved both drop by the reservation's quantity and the reservation goes", async () => {
    const { item, ids } = await reservedItem({ sloc_a: 10 }, { sloc_a: 4 })

    const consumed = await t.inventory.consumeReservations(ids)

    expect(consumed).toEqual([expect.objectContaining({ id: ids[0], quantity: 4, consumed_quantity: 4 })])
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 6, reserved: 0 })
    expect(await t.inventory.listReservationItems()).toEqual([])
  })

  test("part of a reservation: the rest stays reserved", async () => {
    const { item, ids } = await reservedItem({ sloc_a: 10 }, { sloc_a: 4 })

    await t.inventory.consumeReservations([{ id: ids[0]!, quantity: 1 }])

    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 9, reserved: 3 })
    expect(await t.inventory.retrieveReservationItem(ids[0]!)).toMatchObject({ quantity: 3 })
  })

  test("more than a reservation holds is invalid, an unknown id is not_found: nothing is consumed", async () => {
    const { item, ids } = await reservedItem({ sloc_a: 10 }, { sloc_a: 4 })

    const tooMuch = await rejection(t.inventory.consumeReservations([{ id: ids[0]!, quantity: 5 }]))
    expect(tooMuch.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(tooMuch.message).toBe(`Cannot consume 5 of reservation ${ids[0]}: it holds 4`)
    const missing = await rejection(t.inventory.consumeReservations([ids[0]!, "resitem_missing"]))
    expect(missing.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(missing.message).toBe("ReservationItem with id: resitem_missing was not found")
    const twice = await rejection(t.inventory.consumeReservations([ids[0]!, ids[0]!]))
    expect(twice.message).toBe(`ReservationItem ${ids[0]} is listed twice`)
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 10, reserved: 4 })
  })

  test("refused when the level holds fewer units than it would give out", async () => {
    const { item, ids } = await reservedItem({ sloc_a: 5 }, { sloc_a: 4 })
    await t.inventory.adjustInventory(item.id, "sloc_a", -3)

    const error = await rejection(t.inventory.consumeReservations(ids))

    expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(error.message).toBe(`Cannot fulfil 4 of item ${item.id} (sku SHIRT-M) at location sloc_a: only 2 in stock`)
    expect(await t.level(item.id, "sloc_a")).toEqual({ stocked: 2, reserved: 4 })
    expect(await t.inventory.listReservationItems({ id: ids })).toHaveLength(1)
  })
})
