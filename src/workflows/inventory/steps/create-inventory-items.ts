import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { CreateInventoryItemInput, InventoryItemDTO, InventoryModuleService } from "../../../modules/inventory/index.ts"

export const createInventoryItemsStepId = "create-inventory-items-step"

/** Creates inventory items (with `location_levels` inline); its compensation deletes them, levels included. */
export const createInventoryItemsStep = createStep(
  createInventoryItemsStepId,
  async (items: CreateInventoryItemInput[], { container }) => {
    if (items.length === 0) return new StepResponse<InventoryItemDTO[], string[]>([], [])
    const created = await container.resolve<InventoryModuleService>(INVENTORY_MODULE).createInventoryItems(items)
    return new StepResponse(
      created,
      created.map((item) => item.id),
    )
  },
  async (itemIds, { container }) => {
    if (!itemIds || itemIds.length === 0) return
    await container.resolve<InventoryModuleService>(INVENTORY_MODULE).deleteInventoryItems(itemIds)
  },
)
