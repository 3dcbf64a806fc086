import { expect } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { INVENTORY_MODULE } from "../../../src/modules/inventory/index.ts"
import type { InventoryModuleService } from "../../../src/modules/inventory/index.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

export type InventoryApp = TestApp & {
  inventory: InventoryModuleService
  /** Raw rows, read past the service. */
  rows<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
  /** The level's quantities as stored. */
  level(itemId: string, locationId: string): Promise<{ stocked: number; reserved: number } | undefined>
  /** The sum of the live reservations of an item at a location, as stored. */
  reservedByReservations(itemId: string, locationId: string): Promise<number>
  /** Empties the module's tables between tests. */
  reset(): Promise<void>
}

/** The app with the inventory module, its migrations run. */
export async function startInventoryApp(): Promise<InventoryApp> {
  const t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/inventory" }] })
  const rows: InventoryApp["rows"] = (sql, params = []) => t.app.database.execute(sql, params)
  return {
    ...t,
    inventory: t.app.container.resolve<InventoryModuleService>(INVENTORY_MODULE),
    rows,
    level: async (itemId, locationId) => {
      const [row] = await rows<{ stocked: number; reserved: number }>(
        "select stocked_quantity as stocked, reserved_quantity as reserved from inventory_level where inventory_item_id = ? and location_id = ? and deleted_at is null",
        [itemId, locationId],
      )
      return row
    },
    reservedByReservations: async (itemId, locationId) => {
      const [row] = await rows<{ total: string }>(
        "select coalesce(sum(quantity), 0) as total from reservation_item where inventory_item_id = ? and location_id = ? and deleted_at is null",
        [itemId, locationId],
      )
      return Number(row?.total ?? 0)
    },
    reset: async () => {
      await rows("truncate inventory_item, inventory_level, reservation_item")
    },
  }
}

/** The AgoraError a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<AgoraError> {
  const error = await promise.then(
    () => expect.fail("expected the call to fail"),
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AgoraError)
  return error as AgoraError
}

/** An item stocked at the given locations: `{ sloc_a: 10 }`. */
export async function stockedItem(inventory: InventoryModuleService, sku: string | null, stock: Record<string, number>) {
  return inventory.createInventoryItems({
    sku,
    title: sku ?? "no sku",
    location_levels: Object.entries(stock).map(([location_id, stocked_quantity]) => ({ location_id, stocked_quantity })),
  })
}
