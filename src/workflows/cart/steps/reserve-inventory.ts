import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { CreateReservationItemInput, InventoryModuleService, ReservationItemRow } from "../../../modules/inventory/index.ts"

export const reserveInventoryStepId = "reserve-inventory-step"
/**
 * Holds the stock of the lines: all of it or none (the inventory module sums the quantities per level
 * and raises each with one conditional update). Its compensation gives the units back.
 */
export const reserveInventoryStep = createStep(
  reserveInventoryStepId,
  async (items: CreateReservationItemInput[], { container, metadata }) => {
    if (items.length === 0) return new StepResponse<ReservationItemRow[], string[]>([], [])
    const inventory = container.resolve<InventoryModuleService>(INVENTORY_MODULE)
    const lineIds = items.map((item) => item.line_item_id)
    // Only a run taken up after a crash (or a later attempt) can find reservations of its own.
    const mayHaveReserved = metadata.resumed || metadata.attempt > 1
    if (mayHaveReserved && lineIds.every((id): id is string => typeof id === "string")) {
      // Reservations on these lines can only be this step's own, made before a crash cut the run short.
      const existing = await inventory.listReservationItems({ line_item_id: lineIds })
      if (existing.length > 0) return new StepResponse(existing, existing.map((row) => row.id))
    }
    const reserved = await inventory.reserve(items)
    return new StepResponse(reserved, reserved.map((row) => row.id))
  },
  async (reservationIds, { container }) => {
    if (!reservationIds || reservationIds.length === 0) return
    await container.resolve<InventoryModuleService>(INVENTORY_MODULE).release(reservationIds)
  },
)
