import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { CreateInventoryLevelInput, InventoryLevelDTO, InventoryModuleService } from "../../../modules/inventory/index.ts"

export const createInventoryLevelsStepId = "create-inventory-levels-step"

/** Stocks items at locations (one level per item and location); its compensation deletes those levels. */
export const createInventoryLevelsStep = createStep(
  createInventoryLevelsStepId,
  async (levels: CreateInventoryLevelInput[], { container }) => {
    if (levels.length === 0) return new StepResponse<InventoryLevelDTO[], string[]>([], [])
    const created = await container.resolve<InventoryModuleService>(INVENTORY_MODULE).createInventoryLevels(levels)
    return new StepResponse(
      created,
      created.map((level) => level.id),
    )
  },
  async (levelIds, { container }) => {
    if (!levelIds || levelIds.length === 0) return
    await container.resolve<InventoryModuleService>(INVENTORY_MODULE).deleteInventoryLevels(levelIds)
  },
)
