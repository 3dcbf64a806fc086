import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CreateInventoryItemInput } from "../../../modules/inventory/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { InventoryEvents } from "../events.ts"
import { createInventoryItemsStep } from "../steps/create-inventory-items.ts"
import { validateInventoryLocationsStep } from "../steps/validate-inventory-locations.ts"

/** An item's stock at one location. */
export type InventoryItemLocationLevel = { location_id: string; stocked_quantity?: number; incoming_quantity?: number }

export type CreateInventoryItemsWorkflowInput = {
  /** Items, each with its stock per location. */
  items: (Omit<CreateInventoryItemInput, "location_levels"> & { location_levels?: InventoryItemLocationLevel[] })[]
}

export const createInventoryItemsWorkflowId = "create-inventory-items-workflow"

/** Creates inventory items with their stock at existing stock locations. */
export const createInventoryItemsWorkflow = createWorkflow(
  createInventoryItemsWorkflowId,
  (input: WorkflowData<CreateInventoryItemsWorkflowInput>) => {
    const locationIds = transform({ input }, ({ input }) =>
      input.items.flatMap((item) => (item.location_levels ?? []).map((level) => level.location_id)),
    )
    validateInventoryLocationsStep(locationIds)
    const items = createInventoryItemsStep(input.items)
    const events = transform({ items }, ({ items }) =>
      items.map((item) => ({ name: InventoryEvents.INVENTORY_ITEM_CREATED, data: { id: item.id } })),
    )
    emitEventStep(events)
    return new WorkflowResponse(items)
  },
)
