import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { CreateReservationItemInput, InventoryModuleService, ReservationItemRow } from "../../../modules/inventory/index.ts"

export const createReservationsStepId = "create-reservations-step"

/**
 * Holds stock for every reservation or for none (the levels' reserved quantities rise with them).
 * Its compensation deletes those reservations, which gives their units back.
 */
export const createReservationsStep = createStep(
  createReservationsStepId,
  async (reservations: CreateReservationItemInput[], { container }) => {
    if (reservations.length === 0) return new StepResponse<ReservationItemRow[], string[]>([], [])
    const created = await container.resolve<InventoryModuleService>(INVENTORY_MODULE).createReservationItems(reservations)
    return new StepResponse(
      created,
      created.map((reservation) => reservation.id),
    )
  },
  async (reservationIds, { container }) => {
    if (!reservationIds || reservationIds.length === 0) return
    await container.resolve<InventoryModuleService>(INVENTORY_MODULE).deleteReservationItems(reservationIds)
  },
)
