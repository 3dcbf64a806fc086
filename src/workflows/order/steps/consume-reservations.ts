import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { ConsumedReservation, ConsumeReservationInput, InventoryModuleService } from "../../../modules/inventory/index.ts"

export const consumeReservationsStepId = "consume-reservations-step"
/**
 * Shipped units leave the stock: each reservation (all of it, or part) lowers both the stocked and
 * the reserved quantity of its level, then goes or shrinks. The compensation puts the units back in
 * stock and holds them again with the same reservations.
 */
export const consumeReservationsStep = createStep(
  consumeReservationsStepId,
  async (input: ConsumeReservationInput[], { container }) => {
    if (input.length === 0) return new StepResponse<ConsumedReservation[]>([])
    const consumed = await container.resolve<InventoryModuleService>(INVENTORY_MODULE).consumeReservations(input)
    return new StepResponse(consumed)
  },
  async (consumed, { container }) => {
    if (!consumed || consumed.length === 0) return
    const inventory = container.resolve<InventoryModuleService>(INVENTORY_MODULE)
    await inventory.adjustInventory(
      consumed.map((row) => ({ inventoryItemId: row.inventory_item_id, locationId: row.location_id, adjustment: row.consumed_quantity })),
    )
    const gone = consumed.filter((row) => row.consumed_quantity === row.quantity)
    const shrunk = consumed.filter((row) => row.consumed_quantity < row.quantity)
    if (shrunk.length > 0) await inventory.updateReservationItems(shrunk.map((row) => ({ id: row.id, quantity: row.quantity })))
    if (gone.length > 0) {
      await inventory.reserve(
        gone.map(({ consumed_quantity: _consumed, created_at: _created, updated_at: _updated, deleted_at: _deleted, ...row }) => row),
      )
    }
  },
)
