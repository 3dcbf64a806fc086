import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CreateInventoryLevelInput } from "../../../modules/inventory/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { InventoryEvents } from "../events.ts"
import { createInventoryLevelsStep } from "../steps/create-inventory-levels.ts"
import { validateInventoryLocationsStep } from "../steps/validate-inventory-locations.ts"

export type CreateInventoryLevelsWorkflowInput = { inventory_levels: CreateInventoryLevelInput[] }

export const createInventoryLevelsWorkflowId = "create-inventory-levels-workflow"

/** Stocks inventory items at existing stock locations. */
export const createInventoryLevelsWorkflow = createWorkflow(
  createInventoryLevelsWorkflowId,
  (input: WorkflowData<CreateInventoryLevelsWorkflowInput>) => {
    validateInventoryLocationsStep(transform({ input }, ({ input }) => input.inventory_levels.map((level) => level.location_id)))
    const levels = createInventoryLevelsStep(input.inventory_levels)
    emitEventStep(
      transform({ levels }, ({ levels }) => levels.map((level) => ({ name: InventoryEvents.INVENTORY_LEVEL_CREATED, data: { id: level.id } }))),
    )
    return new WorkflowResponse(levels)
  },
)
