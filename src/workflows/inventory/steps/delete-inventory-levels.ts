import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { InventoryModuleService } from "../../../modules/inventory/index.ts"

export const deleteInventoryLevelsStepId = "delete-inventory-levels-step"

/** Soft-deletes inventory levels; its compensation restores them. */
export const deleteInventoryLevelsStep = createStep(
  deleteInventoryLevelsStepId,
  async (levelIds: string[], { container }) => {
    await container.resolve<InventoryModuleService>(INVENTORY_MODULE).softDeleteInventoryLevels(levelIds)
    return new StepResponse(levelIds)
  },
  async (levelIds, { container }) => {
    if (!levelIds || levelIds.length === 0) return
    await container.resolve<InventoryModuleService>(INVENTORY_MODULE).restoreInventoryLevels(levelIds)
  },
)
