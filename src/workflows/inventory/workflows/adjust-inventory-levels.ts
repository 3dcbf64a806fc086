import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { InventoryEvents } from "../events.ts"
import { adjustInventoryLevelsStep } from "../steps/adjust-inventory-levels.ts"
import type { InventoryLevelAdjustment } from "../steps/adjust-inventory-levels.ts"

export type AdjustInventoryLevelsWorkflowInput = { adjustments: InventoryLevelAdjustment[] }

export const adjustInventoryLevelsWorkflowId = "adjust-inventory-levels"

/** Adds or takes stock (a delivery arrived, a recount found less), all adjustments or none. */
export const adjustInventoryLevelsWorkflow = createWorkflow(
  adjustInventoryLevelsWorkflowId,
  (input: WorkflowData<AdjustInventoryLevelsWorkflowInput>) => {
    const levels = adjustInventoryLevelsStep(input.adjustments)
    emitEventStep(
      transform({ levels }, ({ levels }) => levels.map((level) => ({ name: InventoryEvents.INVENTORY_LEVEL_UPDATED, data: { id: level.id } }))),
    )
    return new WorkflowResponse(levels)
  },
)
