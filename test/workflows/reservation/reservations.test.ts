import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { createReservationsWorkflow, deleteReservationsWorkflow, updateReservationsWorkflow } from "../../../src/workflows/reservation/index.ts"
import { catalogState, recordEvents, scopeFailing, startCatalogApp, workflowFailure } from "../product/app.ts"
import type { CatalogApp } from "../product/app.ts"

let t: CatalogApp
let events: Awaited<ReturnType<typeof recordEvents>>
let warehouse: string
let store: string
beforeAll(async () => {
  t = await startCatalogApp()
  events = await recordEvents(t)
  const locations = await t.locations.createStockLocations([{ name: "Warehouse" }, { name: "Store" }])
  warehouse = locations[0]!.id
  store = locations[1]!.id
})
afterAll(() => t?.close())
beforeEach(() => events.clear())

let counter = 0

/** An item stocked at the warehouse and at the store. */
async function stockedItem(stocked = 10) {
  const item = await t.inventory.createInventoryItems({
    sku: `RES-ITEM-${++counter}`,
    location_levels: [
      { location_id: warehouse, stocked_quantity: stocked },
      { location_id: store, stocked_quantity: stocked },
    ],
  })
  return item.id
}

const levelOf = (itemId: string, locationId: string) => t.inventory.retrieveInventoryLevelByItemAndLocation(itemId, locationId)

describe("createReservationsWorkflow", () => {
  test("holds the units at the level and announces the reservations", async () => {
    const item = await stockedItem(10)

    const { result } = await createReservationsWorkflow(t.container).run({
      input: { reservations: [{ inventory_item_id: item, location_id: warehouse, quantity: 4, description: "by hand" }] },
    })

    expect(result).toMatchObject([{ inventory_item_id: item, location_id: warehouse, quantity: 4, description: "by hand" }])
    expect(await levelOf(item, warehouse)).toMatchObject({ reserved_quantity: 4, available_quantity: 6 })
    expect(await events.drain()).toEqual([{ name: "reservation-item.created", data: { id: result[0]!.id } }])
  })

  test("holds all of them or none: one too many leaves every level as it was", async () => {
    const item = await stockedItem(3)
    const before = await catalogState(t)

    const { stepId, cause } = await workflowFailure(
      createReservationsWorkflow(t.container).run({
        input: {
          reservations: [
            { inventory_item_id: item, location_id: warehouse, quantity: 2 },
            { inventory_item_id: item, location_id: store, quantity: 4 },
          ],
        },
      }),
    )

    expect(stepId).toBe("create-reservations-step")
    expect(cause).toMatchObject({ type: "not_allowed" })
    expect(await catalogState(t)).toEqual(before)
  })

  test("when announcing fails, the reservations are deleted and their units given back", async () => {
    const item = await stockedItem(10)
    const before = await catalogState(t)

    await workflowFailure(
      createReservationsWorkflow(scopeFailing(t, "eventBus", "emit")).run({
        input: { reservations: [{ inventory_item_id: item, location_id: warehouse, quantity: 5 }] },
      }),
    )

    expect(await catalogState(t)).toEqual(before)
    expect(await levelOf(item, warehouse)).toMatchObject({ reserved_quantity: 0 })
  })
})

describe("updateReservationsWorkflow", () => {
  test("moves the reserved units with a new quantity and location", async () => {
    const item = await stockedItem(10)
    const [reservation] = await t.inventory.createReservationItems([{ inventory_item_id: item, location_id: warehouse, quantity: 2 }])

    const { result } = await updateReservationsWorkflow(t.container).run({
      input: { updates: [{ id: reservation!.id, quantity: 5, location_id: store, description: "moved" }] },
    })

    expect(result).toMatchObject([{ id: reservation!.id, quantity: 5, location_id: store, description: "moved" }])
    expect(await levelOf(item, warehouse)).toMatchObject({ reserved_quantity: 0 })
    expect(await levelOf(item, store)).toMatchObject({ reserved_quantity: 5 })
    expect(await events.drain()).toEqual([{ name: "reservation-item.updated", data: { id: reservation!.id } }])
  })

  test("an unknown reservation is not_found", async () => {
    const { cause } = await workflowFailure(updateReservationsWorkflow(t.container).run({ input: { updates: [{ id: "resitem_missing", quantity: 1 }] } }))
    expect(cause).toMatchObject({ type: "not_found", message: "Reservation with id: resitem_missing was not found" })
  })

  test("when announcing fails, the reservation and the levels are put back", async () => {
    const item = await stockedItem(10)
    const [reservation] = await t.inventory.createReservationItems([{ inventory_item_id: item, location_id: warehouse, quantity: 2, description: "first" }])
    const before = await catalogState(t)

    await workflowFailure(
      updateReservationsWorkflow(scopeFailing(t, "eventBus", "emit")).run({
        input: { updates: [{ id: reservation!.id, quantity: 7, location_id: store, description: "second" }] },
      }),
    )

    expect(await catalogState(t)).toEqual(before)
    expect(await levelOf(item, warehouse)).toMatchObject({ reserved_quantity: 2 })
    expect(await levelOf(item, store)).toMatchObject({ reserved_quantity: 0 })
  })
})

describe("deleteReservationsWorkflow", () => {
  test("gives the units back; unknown ids are skipped", async () => {
    const item = await stockedItem(10)
    const [reservation] = await t.inventory.createReservationItems([{ inventory_item_id: item, location_id: warehouse, quantity: 3 }])

    const { result } = await deleteReservationsWorkflow(t.container).run({ input: { ids: [reservation!.id, "resitem_missing"] } })

    expect(result).toEqual([reservation!.id])
    expect(await levelOf(item, warehouse)).toMatchObject({ reserved_quantity: 0, available_quantity: 10 })
    expect(await t.inventory.listReservationItems({ id: reservation!.id })).toEqual([])
    expect(await events.drain()).toEqual([{ name: "reservation-item.deleted", data: { id: reservation!.id } }])
  })

  test("when announcing fails, the reservations hold their units again", async () => {
    const item = await stockedItem(10)
    const [reservation] = await t.inventory.createReservationItems([{ inventory_item_id: item, location_id: warehouse, quantity: 3 }])
    const before = await catalogState(t)

    await workflowFailure(deleteReservationsWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { ids: [reservation!.id] } }))

    expect(await catalogState(t)).toEqual(before)
    expect(await levelOf(item, warehouse)).toMatchObject({ reserved_quantity: 3 })
  })
})
