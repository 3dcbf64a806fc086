import { afterAll, beforeAll, beforeEach, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { countRoundTrips } from "../../setup/count-statements.ts"
import { rejection, startInventoryApp, stockedItem } from "./inventory-app.ts"
import type { InventoryApp } from "./inventory-app.ts"

let t: InventoryApp
beforeAll(async () => {
  t = await startInventoryApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

const LOCATION = "sloc_main"

test("reserving the lines of two items takes one statement and no transaction", async () => {
  const shirt = await stockedItem(t.inventory, "SHIRT", { [LOCATION]: 10 })
  const mug = await stockedItem(t.inventory, "MUG", { [LOCATION]: 3 })

  const { result, statements, transactions } = await countRoundTrips(t.app.database, () =>
    t.inventory.reserve([
      { inventory_item_id: shirt.id, location_id: LOCATION, quantity: 2, line_item_id: "ordli_1" },
      { inventory_item_id: mug.id, location_id: LOCATION, quantity: 3, line_item_id: "ordli_2", metadata: { gift: true } },
      { inventory_item_id: shirt.id, location_id: LOCATION, quantity: 1, line_item_id: "ordli_3" },
    ]),
  )

  expect({ statements: statements.length, transactions }).toEqual({ statements: 1, transactions: 0 })
  expect(await t.level(shirt.id, LOCATION)).toEqual({ stocked: 10, reserved: 3 })
  expect(await t.level(mug.id, LOCATION)).toEqual({ stocked: 3, reserved: 3 })
  // Answered as written: each reservation as a later read gives it, in the order asked.
  expect(result.map((reservation) => reservation.line_item_id)).toEqual(["ordli_1", "ordli_2", "ordli_3"])
  for (const reservation of result) expect(reservation).toEqual(await t.inventory.retrieveReservationItem(reservation.id))
})

test("a refusal takes the same one statement: it names the level that falls short and leaves nothing", async () => {
  const plenty = await stockedItem(t.inventory, "PLENTY", { [LOCATION]: 100 })
  const scarce = await stockedItem(t.inventory, "SCARCE", { [LOCATION]: 1 })

  const { result: error, statements, transactions } = await countRoundTrips(t.app.database, () =>
    rejection(
      t.inventory.reserve([
        { inventory_item_id: plenty.id, location_id: LOCATION, quantity: 5 },
        { inventory_item_id: scarce.id, location_id: LOCATION, quantity: 2 },
      ]),
    ),
  )

  expect({ statements: statements.length, transactions }).toEqual({ statements: 1, transactions: 0 })
  expect([error.type, error.code, error.message]).toEqual([
    AgoraError.Types.NOT_ALLOWED,
    "insufficient_inventory",
    `Not enough stock available for item ${scarce.id} (sku SCARCE) at location ${LOCATION}: requested 2, available 1`,
  ])
  expect(await t.level(plenty.id, LOCATION)).toEqual({ stocked: 100, reserved: 0 })
  expect(await t.rows("select id from reservation_item")).toEqual([])
})

test("inside a caller's transaction the reservation is one statement of it, undone with it", async () => {
  const item = await stockedItem(t.inventory, "SHIRT", { [LOCATION]: 4 })

  await expect(
    t.app.database.transaction(async () => {
      await t.inventory.reserve([{ inventory_item_id: item.id, location_id: LOCATION, quantity: 4 }])
      throw new Error("the caller changed its mind")
    }),
  ).rejects.toThrow("the caller changed its mind")

  expect(await t.level(item.id, LOCATION)).toEqual({ stocked: 4, reserved: 0 })
  expect(await t.rows("select id from reservation_item")).toEqual([])
})

test("20 concurrent calls for one unit of each of two scarce items, listed in either order: exactly as many succeed as the scarcer has", async () => {
  const first = await stockedItem(t.inventory, "FIRST", { [LOCATION]: 5 })
  const second = await stockedItem(t.inventory, "SECOND", { [LOCATION]: 3 })

  const results = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) => {
      const lines = [first, second].map((item) => ({ inventory_item_id: item.id, location_id: LOCATION, quantity: 1, line_item_id: `ordli_${i}` }))
      return t.inventory.reserve(i % 2 === 0 ? lines : lines.reverse())
    }),
  )

  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3)
  for (const result of results) {
    if (result.status === "rejected") expect((result.reason as AgoraError).code).toBe("insufficient_inventory")
  }
  // All or nothing under contention: a call refused for the second item kept none of the first.
  expect(await t.level(first.id, LOCATION)).toEqual({ stocked: 5, reserved: 3 })
  expect(await t.level(second.id, LOCATION)).toEqual({ stocked: 3, reserved: 3 })
  expect(await t.reservedByReservations(first.id, LOCATION)).toBe(3)
  expect(await t.reservedByReservations(second.id, LOCATION)).toBe(3)
})

test("reservations racing a restock of their level hold at most what is stocked, and exactly what their rows say", async () => {
  const item = await stockedItem(t.inventory, "RACED", { [LOCATION]: 5 })

  const results = await Promise.allSettled([
    ...Array.from({ length: 15 }, () => t.inventory.reserve([{ inventory_item_id: item.id, location_id: LOCATION, quantity: 1 }])),
    t.inventory.adjustInventory(item.id, LOCATION, 2),
  ])

  const reserved = results.slice(0, 15).filter((result) => result.status === "fulfilled").length
  expect(results[15]?.status).toBe("fulfilled")
  expect(reserved).toBeGreaterThanOrEqual(5)
  expect(reserved).toBeLessThanOrEqual(7)
  expect(await t.level(item.id, LOCATION)).toEqual({ stocked: 7, reserved })
  expect(await t.reservedByReservations(item.id, LOCATION)).toBe(reserved)
})
