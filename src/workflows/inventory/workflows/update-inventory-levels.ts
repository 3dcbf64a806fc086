import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { InventoryEvents } from "../events.ts"
import { updateInventoryLevelsStep } from "../steps/update-inventory-levels.ts"
import type { UpdateInventoryLevelByItemAndLocation } from "../steps/update-inventory-levels.ts"

export type UpdateInventoryLevelsWorkflowInput = { updates: UpdateInventoryLevelByItemAndLocation[] }

export const updateInventoryLevelsWorkflowId = "update-inventory-levels-workflow"

/** Sets the stocked or incoming units of items at locations. */
export const updateInventoryLevelsWorkflow = createWorkflow(
  updateInventoryLevelsWorkflowId,
  (input: WorkflowData<UpdateInventoryLevelsWorkflowInput>) => {
    const levels = updateInventoryLevelsStep(input.updates)
    emitEventStep(
      transform({ levels }, ({ levels }) => levels.map((level) => ({ name: InventoryEvents.INVENTORY_LEVEL_UPDATED, data: { id: level.id } }))),
    )
    return new WorkflowResponse(levels)
  },
)
