import { ContainerKeys } from "../../../framework/container/index.ts"
import type { Database } from "../../../framework/database/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { InventoryModuleService } from "../../../modules/inventory/index.ts"

export const deleteInventoryItemsStepId = "delete-inventory-items-step"

type Deleted = { itemIds: string[]; levelIds: string[] }

/**
 * Soft-deletes inventory items with their stock levels (their links go with them), in one
 * transaction. Its compensation restores exactly those items and levels.
 */
export const deleteInventoryItemsStep = createStep(
  deleteInventoryItemsStepId,
  async (itemIds: string[], { container }) => {
    if (itemIds.length === 0) return new StepResponse<string[], Deleted>([], { itemIds: [], levelIds: [] })
    const inventory = container.resolve<InventoryModuleService>(INVENTORY_MODULE)
    const deleted = await container.resolve<Database>(ContainerKeys.DATABASE).transaction(async () => {
      const items = await inventory.listInventoryItems({ id: itemIds }, { select: ["id"] })
      const levels = await inventory.listInventoryLevels({ inventory_item_id: itemIds }, { select: ["id"] })
      const ids = { itemIds: items.map((item) => item.id), levelIds: levels.map((level) => level.id) }
      await inventory.softDeleteInventoryLevels(ids.levelIds)
      await inventory.softDeleteInventoryItems(ids.itemIds)
      return ids
    })
    return new StepResponse(deleted.itemIds, deleted)
  },
  async (deleted, { container }) => {
    if (!deleted || deleted.itemIds.length === 0) return
    const inventory = container.resolve<InventoryModuleService>(INVENTORY_MODULE)
    await container.resolve<Database>(ContainerKeys.DATABASE).transaction(async () => {
      await inventory.restoreInventoryItems(deleted.itemIds)
      await inventory.restoreInventoryLevels(deleted.levelIds)
    })
  },
)
