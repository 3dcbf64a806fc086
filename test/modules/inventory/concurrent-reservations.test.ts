import { afterAll, beforeAll, beforeEach, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { CreateReservationItemInput } from "../../../src/modules/inventory/index.ts"
import { startInventoryApp, stockedItem } from "./inventory-app.ts"
import type { InventoryApp } from "./inventory-app.ts"

let t: InventoryApp
beforeAll(async () => {
  t = await startInventoryApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

const LOCATION = "sloc_main"

/** An item with 15 in stock of which 5 are already reserved: its last 10 units are up for grabs. */
async function lastTenUnits() {
  const item = await stockedItem(t.inventory, "LAST-TEN", { [LOCATION]: 15 })
  await t.inventory.reserve([{ inventory_item_id: item.id, location_id: LOCATION, quantity: 5 }])
  // A second item every call may also take, listed before or after the first: taken in call order,
  // their row locks would deadlock two checkouts.
  const plenty = await stockedItem(t.inventory, "PLENTY", { [LOCATION]: 1_000 })
  return { item, plenty }
}

function line(inventory_item_id: string, quantity: number, line_item_id?: string): CreateReservationItemInput {
  return { inventory_item_id, location_id: LOCATION, quantity, line_item_id }
}

async function expectOnlyShortfalls(results: PromiseSettledResult<unknown>[], itemId: string) {
  for (const result of results) {
    if (result.status === "fulfilled") continue
    const error = result.reason as AgoraError
    expect(error).toBeInstanceOf(AgoraError)
    expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(error.code).toBe("insufficient_inventory")
    expect(error.message).toMatch(
      new RegExp(`^Not enough stock available for item ${itemId} \\(sku LAST-TEN\\) at location ${LOCATION}: requested \\d, available \\d$`),
    )
  }
}

test("50 concurrent checkouts for the last 10 units: exactly 10 succeed, the rest are refused cleanly", async () => {
  const { item, plenty } = await lastTenUnits()

  const calls = Array.from({ length: 50 }, (_, i) => {
    const lines = [line(item.id, 1, `ordli_${i}`)]
    if (i % 3 === 1) lines.push(line(plenty.id, 1, `ordli_${i}_b`))
    if (i % 3 === 2) lines.unshift(line(plenty.id, 1, `ordli_${i}_b`))
    return t.inventory.reserve(lines)
  })
  const results = await Promise.allSettled(calls)

  const succeeded = results.filter((result) => result.status === "fulfilled")
  expect(succeeded).toHaveLength(10)
  await expectOnlyShortfalls(results, item.id)
  expect(await t.level(item.id, LOCATION)).toEqual({ stocked: 15, reserved: 15 })
  expect(await t.reservedByReservations(item.id, LOCATION)).toBe(15)
  // A refused call kept nothing of the other item either.
  const plentyReserved = (await t.level(plenty.id, LOCATION))?.reserved
  expect(plentyReserved).toBe(await t.reservedByReservations(plenty.id, LOCATION))
  expect(plentyReserved).toBe(succeeded.filter((result) => result.value.length === 2).length)
})

test("calls whose lines of one item are summed (1 + 1) race for the last 10 units: exactly 5 of them succeed", async () => {
  const { item, plenty } = await lastTenUnits()

  const shapes = [
    () => [line(item.id, 1), line(item.id, 1)],
    () => [line(plenty.id, 1), line(item.id, 1), line(item.id, 1)],
    () => [line(item.id, 1), line(plenty.id, 1), line(item.id, 1)],
    () => [line(item.id, 2), line(plenty.id, 1)],
  ]
  const results = await Promise.allSettled(
    Array.from({ length: 50 }, (_, i) => t.inventory.reserve((shapes[i % shapes.length] as () => CreateReservationItemInput[])())),
  )

  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(5)
  await expectOnlyShortfalls(results, item.id)
  expect(await t.level(item.id, LOCATION)).toEqual({ stocked: 15, reserved: 15 })
  expect(await t.reservedByReservations(item.id, LOCATION)).toBe(15)
  const plentyReserved = (await t.level(plenty.id, LOCATION))?.reserved
  expect(plentyReserved).toBe(await t.reservedByReservations(plenty.id, LOCATION))
})

test("releases racing reservations never leave the level out of step with its reservations", async () => {
  const { item } = await lastTenUnits()
  const held = await t.inventory.reserve([line(item.id, 4)])

  const results = await Promise.allSettled([
    ...Array.from({ length: 20 }, () => t.inventory.reserve([line(item.id, 1)])),
    t.inventory.release(held.map((reservation) => reservation.id)),
    t.inventory.release(held.map((reservation) => reservation.id)),
  ])

  await expectOnlyShortfalls(results, item.id)
  const level = await t.level(item.id, LOCATION)
  expect(level?.reserved).toBe(await t.reservedByReservations(item.id, LOCATION))
  expect(level?.reserved).toBeLessThanOrEqual(15)
})
