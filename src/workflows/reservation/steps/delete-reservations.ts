import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { InventoryModuleService } from "../../../modules/inventory/index.ts"

export const deleteReservationsStepId = "delete-reservations-step"

/**
 * Soft-deletes reservations, giving their units back to the levels. Unknown or already deleted ids
 * are skipped. Returns the ids it deleted; its compensation restores exactly those, holding their
 * units again.
 */
export const deleteReservationsStep = createStep(
  deleteReservationsStepId,
  async (reservationIds: string[], { container }) => {
    const inventory = container.resolve<InventoryModuleService>(INVENTORY_MODULE)
    // Only live reservations: restoring one deleted before this run would hold its units again.
    const live =
      reservationIds.length === 0
        ? []
        : (await inventory.listReservationItems({ id: reservationIds }, { select: ["id"] })).map((reservation) => reservation.id)
    if (live.length > 0) await inventory.softDeleteReservationItems(live)
    return new StepResponse(live)
  },
  async (reservationIds, { container }) => {
    if (!reservationIds || reservationIds.length === 0) return
    await container.resolve<InventoryModuleService>(INVENTORY_MODULE).restoreReservationItems(reservationIds)
  },
)
