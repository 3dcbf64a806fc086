import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { createInventoryItemsWorkflow } from "../../../src/workflows/inventory/index.ts"
import { catalogState, recordEvents, scopeFailing, startCatalogApp, workflowFailure } from "../product/app.ts"
import type { CatalogApp } from "../product/app.ts"

let t: CatalogApp
let events: Awaited<ReturnType<typeof recordEvents>>
let warehouse: string
beforeAll(async () => {
  t = await startCatalogApp()
  events = await recordEvents(t)
  warehouse = (await t.locations.createStockLocations({ name: "Warehouse" })).id
})
afterAll(() => t?.close())
beforeEach(() => events.clear())

describe("createInventoryItemsWorkflow", () => {
  test("creates items with their stock at existing locations", async () => {
    const { result } = await createInventoryItemsWorkflow(t.container).run({
      input: { items: [{ sku: "MUG", title: "Mug", location_levels: [{ location_id: warehouse, stocked_quantity: 12 }] }, { sku: "CUP" }] },
    })

    expect(result).toMatchObject([
      { sku: "MUG", title: "Mug", stocked_quantity: 12, reserved_quantity: 0 },
      { sku: "CUP", stocked_quantity: 0 },
    ])
    expect(await t.inventory.retrieveInventoryLevelByItemAndLocation(result[0]!.id, warehouse)).toMatchObject({
      stocked_quantity: 12,
      available_quantity: 12,
    })
    expect(await events.drain()).toEqual(result.map((item) => ({ name: "inventory-item.created", data: { id: item.id } })))
  })

  test("stock at an unknown location is not_found, naming it, and nothing is written", async () => {
    const before = await catalogState(t)

    const { stepId, cause } = await workflowFailure(
      createInventoryItemsWorkflow(t.container).run({
        input: { items: [{ sku: "BOWL", location_levels: [{ location_id: warehouse }, { location_id: "sloc_nowhere", stocked_quantity: 1 }] }] },
      }),
    )

    expect(stepId).toBe("validate-inventory-locations-step")
    expect(cause).toMatchObject({ type: "not_found", message: "Stock location sloc_nowhere (location_id) was not found" })
    expect(await catalogState(t)).toEqual(before)
  })

  test("when announcing fails, the items and their levels are deleted", async () => {
    const before = await catalogState(t)

    const { stepId } = await workflowFailure(
      createInventoryItemsWorkflow(scopeFailing(t, "eventBus", "emit")).run({
        input: { items: [{ sku: "PLATE", location_levels: [{ location_id: warehouse, stocked_quantity: 3 }] }] },
      }),
    )

    expect(stepId).toBe("emit-event-step")
    expect(await catalogState(t)).toEqual(before)
  })
})
