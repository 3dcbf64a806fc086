import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { InventoryModuleService, ReservationItemRow, UpdateReservationItemInput } from "../../../modules/inventory/index.ts"

/** A reservation to change, by id. */
export type ReservationUpdate = UpdateReservationItemInput & { id: string }

const CHANGEABLE = ["location_id", "quantity", "line_item_id", "allow_backorder", "description", "external_id", "created_by", "metadata"] as const

export const updateReservationsStepId = "update-reservations-step"

/**
 * Changes reservations; a new quantity or location moves the reserved units (checked, all or none).
 * Its compensation puts back the values it replaced, which moves the units back.
 */
export const updateReservationsStep = createStep(
  updateReservationsStepId,
  async (updates: ReservationUpdate[], { container }) => {
    if (updates.length === 0) return new StepResponse<ReservationItemRow[], ReservationUpdate[]>([], [])
    const inventory = container.resolve<InventoryModuleService>(INVENTORY_MODULE)
    const current = new Map((await inventory.listReservationItems({ id: updates.map((update) => update.id) })).map((row) => [row.id, row]))
    const previous = updates.map((update) => {
      const reservation = current.get(update.id)
      if (!reservation) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Reservation with id: ${update.id} was not found`)
      const replaced = CHANGEABLE.filter((key) => key in update).map((key) => [key, reservation[key]])
      return { id: update.id, ...Object.fromEntries(replaced) } as ReservationUpdate
    })
    const updated = await inventory.updateReservationItems(updates)
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await container.resolve<InventoryModuleService>(INVENTORY_MODULE).updateReservationItems(previous)
  },
)
