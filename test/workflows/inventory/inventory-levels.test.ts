import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import {
  adjustInventoryLevelsWorkflow,
  batchInventoryItemLevelsWorkflow,
  createInventoryLevelsWorkflow,
  deleteInventoryLevelsWorkflow,
  updateInventoryLevelsWorkflow,
} from "../../../src/workflows/inventory/index.ts"
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

/** An item stocked at the warehouse. */
async function stockedItem(stocked = 10) {
  const item = await t.inventory.createInventoryItems({ sku: `ITEM-${++counter}`, location_levels: [{ location_id: warehouse, stocked_quantity: stocked }] })
  return item.id
}

const levelOf = (itemId: string, locationId: string) => t.inventory.retrieveInventoryLevelByItemAndLocation(itemId, locationId)

describe("createInventoryLevelsWorkflow", () => {
  test("stocks items at more locations", async () => {
    const item = await stockedItem()

    const { result } = await createInventoryLevelsWorkflow(t.container).run({
      input: { inventory_levels: [{ inventory_item_id: item, location_id: store, stocked_quantity: 4, incoming_quantity: 2 }] },
    })

    expect(result).toMatchObject([{ inventory_item_id: item, location_id: store, stocked_quantity: 4, incoming_quantity: 2, available_quantity: 4 }])
    expect(await events.drain()).toEqual([{ name: "inventory-level.created", data: { id: result[0]!.id } }])
  })

  test("an unknown location is not_found", async () => {
    const item = await stockedItem()

    const { cause } = await workflowFailure(
      createInventoryLevelsWorkflow(t.container).run({ input: { inventory_levels: [{ inventory_item_id: item, location_id: "sloc_moon" }] } }),
    )

    expect(cause).toMatchObject({ type: "not_found", message: "Stock location sloc_moon (location_id) was not found" })
  })

  test("a batch with a level that exists already creates none of them", async () => {
    const first = await stockedItem()
    const second = await stockedItem()
    const before = await catalogState(t)

    const { stepId, cause } = await workflowFailure(
      createInventoryLevelsWorkflow(t.container).run({
        input: {
          inventory_levels: [
            { inventory_item_id: first, location_id: store },
            { inventory_item_id: second, location_id: warehouse },
          ],
        },
      }),
    )

    expect(stepId).toBe("create-inventory-levels-step")
    expect(cause.type).toBe("duplicate_error")
    expect(await catalogState(t)).toEqual(before)
  })

  test("when announcing fails, the new levels are deleted", async () => {
    const item = await stockedItem()
    const before = await catalogState(t)

    await workflowFailure(
      createInventoryLevelsWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { inventory_levels: [{ inventory_item_id: item, location_id: store }] } }),
    )

    expect(await catalogState(t)).toEqual(before)
  })
})

describe("updateInventoryLevelsWorkflow", () => {
  test("sets stocked and incoming units of levels named by item and location", async () => {
    const item = await stockedItem(10)

    const { result } = await updateInventoryLevelsWorkflow(t.container).run({
      input: { updates: [{ inventory_item_id: item, location_id: warehouse, stocked_quantity: 25, incoming_quantity: 5 }] },
    })

    expect(result).toMatchObject([{ stocked_quantity: 25, incoming_quantity: 5, available_quantity: 25 }])
    expect(await levelOf(item, warehouse)).toMatchObject({ stocked_quantity: 25, incoming_quantity: 5 })
    expect(await events.drain()).toEqual([{ name: "inventory-level.updated", data: { id: result[0]!.id } }])
  })

  test("an item not stocked at the location is not_found, naming both, and nothing changes", async () => {
    const item = await stockedItem(10)
    const before = await catalogState(t)

    const { cause } = await workflowFailure(
      updateInventoryLevelsWorkflow(t.container).run({
        input: {
          updates: [
            { inventory_item_id: item, location_id: warehouse, stocked_quantity: 1 },
            { inventory_item_id: item, location_id: store, stocked_quantity: 1 },
          ],
        },
      }),
    )

    expect(cause).toMatchObject({ type: "not_found", message: `Item ${item} is not stocked at location ${store}` })
    expect(await catalogState(t)).toEqual(before)
  })

  test("when announcing fails, the old counts are back", async () => {
    const item = await stockedItem(10)
    const before = await catalogState(t)

    await workflowFailure(
      updateInventoryLevelsWorkflow(scopeFailing(t, "eventBus", "emit")).run({
        input: { updates: [{ inventory_item_id: item, location_id: warehouse, stocked_quantity: 99 }] },
      }),
    )

    expect(await catalogState(t)).toEqual(before)
    expect((await levelOf(item, warehouse)).stocked_quantity).toBe(10)
  })
})

describe("deleteInventoryLevelsWorkflow", () => {
  test("refuses a level with reserved units, naming the item and location", async () => {
    const item = await stockedItem(0)
    await t.inventory.reserve([{ inventory_item_id: item, location_id: warehouse, quantity: 1, allow_backorder: true }])
    const before = await catalogState(t)

    const { stepId, cause } = await workflowFailure(
      deleteInventoryLevelsWorkflow(t.container).run({ input: { inventory_item_id: item, location_id: warehouse, force: true } }),
    )

    expect(stepId).toBe("validate-inventory-levels-delete-step")
    expect(cause).toMatchObject({
      type: "not_allowed",
      message: `Cannot delete the inventory level of item ${item} at location ${warehouse} because it has reserved or incoming units`,
    })
    expect(await catalogState(t)).toEqual(before)
  })

  test("refuses a level that holds stock unless forced", async () => {
    const item = await stockedItem(3)

    const { cause } = await workflowFailure(deleteInventoryLevelsWorkflow(t.container).run({ input: { inventory_item_id: item } }))
    expect(cause.type).toBe("not_allowed")
    expect(cause.message).toContain("because it holds stock; use force to delete it anyway")

    const { result } = await deleteInventoryLevelsWorkflow(t.container).run({ input: { inventory_item_id: item, force: true } })
    expect(result).toHaveLength(1)
    expect(await t.inventory.listInventoryLevels({ inventory_item_id: item })).toEqual([])
    expect(await events.drain()).toEqual([{ name: "inventory-level.deleted", data: { id: result[0] } }])
  })

  test("refuses to run without naming levels", async () => {
    const { cause } = await workflowFailure(deleteInventoryLevelsWorkflow(t.container).run({ input: {} }))

    expect(cause).toMatchObject({ type: "invalid_data", message: "Name the inventory levels by id, inventory_item_id or location_id" })
  })

  test("when announcing fails, the deleted levels are restored", async () => {
    const item = await stockedItem(0)
    const before = await catalogState(t)

    await workflowFailure(deleteInventoryLevelsWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { inventory_item_id: item } }))

    expect(await catalogState(t)).toEqual(before)
  })
})

describe("adjustInventoryLevelsWorkflow", () => {
  test("adds and takes stock, all adjustments together", async () => {
    const mug = await stockedItem(10)
    const cup = await stockedItem(10)

    const { result } = await adjustInventoryLevelsWorkflow(t.container).run({
      input: {
        adjustments: [
          { inventory_item_id: mug, location_id: warehouse, adjustment: 5 },
          { inventory_item_id: cup, location_id: warehouse, adjustment: -4 },
        ],
      },
    })

    expect(result.map((level) => [level.inventory_item_id, level.stocked_quantity]).sort()).toEqual([[mug, 15], [cup, 6]].sort())
    expect((await events.drain()).map((event) => event.name)).toEqual(["inventory-level.updated", "inventory-level.updated"])
  })

  test("taking more than is stocked is not_allowed and changes no level", async () => {
    const mug = await stockedItem(10)
    const cup = await stockedItem(2)
    const before = await catalogState(t)

    const { cause } = await workflowFailure(
      adjustInventoryLevelsWorkflow(t.container).run({
        input: {
          adjustments: [
            { inventory_item_id: mug, location_id: warehouse, adjustment: 5 },
            { inventory_item_id: cup, location_id: warehouse, adjustment: -3 },
          ],
        },
      }),
    )

    expect(cause.type).toBe("not_allowed")
    expect(cause.message).toContain(`at location ${warehouse} by -3: only 2 in stock`)
    expect(await catalogState(t)).toEqual(before)
  })

  test("when announcing fails, the adjustments are reversed", async () => {
    const mug = await stockedItem(10)
    const adjustments = [{ inventory_item_id: mug, location_id: warehouse, adjustment: 7 }]

    await workflowFailure(adjustInventoryLevelsWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { adjustments } }))

    expect((await levelOf(mug, warehouse)).stocked_quantity).toBe(10)
  })
})

describe("batchInventoryItemLevelsWorkflow", () => {
  test("creates, updates and deletes levels in one run", async () => {
    const item = await stockedItem(5)
    const other = await stockedItem(0)
    const doomed = await levelOf(other, warehouse)

    const { result } = await batchInventoryItemLevelsWorkflow(t.container).run({
      input: {
        create: [{ inventory_item_id: item, location_id: store, stocked_quantity: 2 }],
        update: [{ inventory_item_id: item, location_id: warehouse, stocked_quantity: 6 }],
        delete: [doomed.id],
      },
    })

    expect(result.created).toMatchObject([{ location_id: store, stocked_quantity: 2 }])
    expect(result.updated).toMatchObject([{ location_id: warehouse, stocked_quantity: 6 }])
    expect(result.deleted).toEqual([doomed.id])
    expect(await t.inventory.listInventoryLevels({ id: doomed.id })).toEqual([])
  })

  test("a refused deletion undoes the creations and updates of the batch", async () => {
    const item = await stockedItem(5)
    const held = await stockedItem(1)
    await t.inventory.reserve([{ inventory_item_id: held, location_id: warehouse, quantity: 1 }])
    const before = await catalogState(t)
    await events.clear()

    const { cause } = await workflowFailure(
      batchInventoryItemLevelsWorkflow(t.container).run({
        input: {
          create: [{ inventory_item_id: item, location_id: store }],
          update: [{ inventory_item_id: item, location_id: warehouse, stocked_quantity: 50 }],
          delete: [(await levelOf(held, warehouse)).id],
        },
      }),
    )

    expect(cause.message).toContain(`Cannot delete the inventory level of item ${held} at location ${warehouse}`)
    expect(await catalogState(t)).toEqual(before)
    expect(await events.drain()).toEqual([])
  })
})
