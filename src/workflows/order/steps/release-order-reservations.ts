import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { InventoryModuleService } from "../../../modules/inventory/index.ts"

export type ReleaseOrderReservationsStepInput = { line_item_ids: string[] }

export const releaseOrderReservationsStepId = "release-order-reservations-step"
/**
 * Gives back the stock held for an order's lines. The reservations are soft-deleted (their units
 * released), so the compensation can restore exactly them, holding their stock again.
 */
export const releaseOrderReservationsStep = createStep(
  releaseOrderReservationsStepId,
  async ({ line_item_ids }: ReleaseOrderReservationsStepInput, { container }) => {
    if (line_item_ids.length === 0) return new StepResponse<string[]>([])
    const inventory = container.resolve<InventoryModuleService>(INVENTORY_MODULE)
    const reservations = await inventory.listReservationItems({ line_item_id: line_item_ids }, { select: ["id"] })
    const ids = reservations.map((reservation) => reservation.id)
    if (ids.length > 0) await inventory.softDeleteReservationItems(ids)
    return new StepResponse(ids)
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<InventoryModuleService>(INVENTORY_MODULE).restoreReservationItems(ids)
  },
)
