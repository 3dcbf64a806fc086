import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { InventoryLevelDTO, InventoryModuleService } from "../../../modules/inventory/index.ts"

/** Which levels: by id, by item, by location, or any mix (all given filters must match). */
export type InventoryLevelSelector = {
  id?: string | string[]
  inventory_item_id?: string | string[]
  location_id?: string | string[]
}

export const getInventoryLevelsStepId = "get-inventory-levels-step"

/** Reads the levels a selector names. An empty selector is refused: it would name every level. */
export const getInventoryLevelsStep = createStep(
  { name: getInventoryLevelsStepId, readOnly: true },
  async (selector: InventoryLevelSelector, { container }) => {
    const filters = Object.fromEntries(
      (["id", "inventory_item_id", "location_id"] as const).flatMap((key) => (selector[key] === undefined ? [] : [[key, selector[key]]])),
    )
    if (Object.keys(filters).length === 0) {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, "Name the inventory levels by id, inventory_item_id or location_id")
    }
    // An empty list names no level (and must not be read as "no filter").
    if (Object.values(filters).some((value) => Array.isArray(value) && value.length === 0)) return new StepResponse<InventoryLevelDTO[]>([])
    const levels = await container.resolve<InventoryModuleService>(INVENTORY_MODULE).listInventoryLevels(filters)
    return new StepResponse<InventoryLevelDTO[]>(levels)
  },
)
