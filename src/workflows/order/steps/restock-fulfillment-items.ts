import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { InventoryModuleService } from "../../../modules/inventory/index.ts"
import type { RestockLine } from "./prepare-cancel-order-fulfillment.ts"

export const restockFulfillmentItemsStepId = "restock-fulfillment-items-step"
/**
 * The units a canceled fulfillment gave out come back: stocked again at its location, and held again
 * for the order's lines (as they were before the fulfillment consumed their reservations). Its
 * compensation lets them leave again, consuming the reservations it made.
 */
export const restockFulfillmentItemsStep = createStep(
  restockFulfillmentItemsStepId,
  async (lines: RestockLine[], { container }) => {
    const units = lines.filter((line) => line.quantity > 0)
    if (units.length === 0) return new StepResponse<string[], string[]>([], [])
    const inventory = container.resolve<InventoryModuleService>(INVENTORY_MODULE)
    await inventory.adjustInventory(
      units.map((line) => ({ inventoryItemId: line.inventory_item_id, locationId: line.location_id, adjustment: line.quantity })),
    )
    try {
      // The units were just put back for these lines: holding them again cannot oversell the level.
      const reservations = await inventory.reserve(units.map((line) => ({ ...line, allow_backorder: true })))
      const ids = reservations.map((reservation) => reservation.id)
      return new StepResponse(ids, ids)
    } catch (error) {
      // Not held: the stock put back is taken out again before the step fails.
      await inventory.adjustInventory(
        units.map((line) => ({ inventoryItemId: line.inventory_item_id, locationId: line.location_id, adjustment: -line.quantity })),
      )
      throw error
    }
  },
  async (reservationIds, { container }) => {
    if (!reservationIds || reservationIds.length === 0) return
    await container.resolve<InventoryModuleService>(INVENTORY_MODULE).consumeReservations(reservationIds)
  },
)
