import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { InventoryLevelDTO, InventoryModuleService, UpdateInventoryLevelInput } from "../../../modules/inventory/index.ts"

/** A level named by its item and location, and what to change in it. */
export type UpdateInventoryLevelByItemAndLocation = UpdateInventoryLevelInput & { inventory_item_id: string; location_id: string }

type LevelChange = UpdateInventoryLevelInput & { id: string }

const CHANGEABLE = ["stocked_quantity", "incoming_quantity", "metadata"] as const

export const updateInventoryLevelsStepId = "update-inventory-levels-step"

/**
 * Changes the stock counts (or metadata) of levels named by item and location; not_found when an item
 * is not stocked at the location. Its compensation puts back the values it replaced.
 */
export const updateInventoryLevelsStep = createStep(
  updateInventoryLevelsStepId,
  async (updates: UpdateInventoryLevelByItemAndLocation[], { container }) => {
    if (updates.length === 0) return new StepResponse<InventoryLevelDTO[], LevelChange[]>([], [])
    const inventory = container.resolve<InventoryModuleService>(INVENTORY_MODULE)
    const changes: LevelChange[] = []
    const previous: LevelChange[] = []
    for (const { inventory_item_id, location_id, ...fields } of updates) {
      const level = await inventory.retrieveInventoryLevelByItemAndLocation(inventory_item_id, location_id)
      if (changes.some((change) => change.id === level.id)) {
        throw new AgoraError(
          AgoraError.Types.INVALID_DATA,
          `The level of item ${inventory_item_id} at location ${location_id} is updated twice in one request`,
        )
      }
      changes.push({ ...fields, id: level.id })
      previous.push({ id: level.id, ...pick(level, CHANGEABLE.filter((key) => key in fields)) })
    }
    const updated = await inventory.updateInventoryLevels(changes)
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await container.resolve<InventoryModuleService>(INVENTORY_MODULE).updateInventoryLevels(previous)
  },
)

function pick(level: InventoryLevelDTO, keys: readonly (typeof CHANGEABLE)[number][]): UpdateInventoryLevelInput {
  return Object.fromEntries(keys.map((key) => [key, level[key]]))
}
