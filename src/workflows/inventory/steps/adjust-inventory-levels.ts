import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { InventoryAdjustment, InventoryLevelDTO, InventoryModuleService } from "../../../modules/inventory/index.ts"

/** Units added to (or, negative, taken from) an item's stock at a location. */
export type InventoryLevelAdjustment = { inventory_item_id: string; location_id: string; adjustment: number }

export const adjustInventoryLevelsStepId = "adjust-inventory-levels-step"

/**
 * Changes stock by the given amounts, all or none (stock never drops below 0). Its compensation
 * applies the opposite amounts, so changes made meanwhile by others are kept.
 */
export const adjustInventoryLevelsStep = createStep(
  adjustInventoryLevelsStepId,
  async (adjustments: InventoryLevelAdjustment[], { container }) => {
    const changes: InventoryAdjustment[] = adjustments.map((entry) => ({
      inventoryItemId: entry.inventory_item_id,
      locationId: entry.location_id,
      adjustment: entry.adjustment,
    }))
    if (changes.length === 0) return new StepResponse<InventoryLevelDTO[], InventoryAdjustment[]>([], [])
    const levels = await container.resolve<InventoryModuleService>(INVENTORY_MODULE).adjustInventory(changes)
    return new StepResponse(levels, changes)
  },
  async (changes, { container }) => {
    if (!changes || changes.length === 0) return
    const opposite = changes.map((change) => ({ ...change, adjustment: -change.adjustment }))
    await container.resolve<InventoryModuleService>(INVENTORY_MODULE).adjustInventory(opposite)
  },
)
