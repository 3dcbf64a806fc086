import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { InventoryEvents } from "../events.ts"
import { deleteInventoryLevelsStep } from "../steps/delete-inventory-levels.ts"
import { getInventoryLevelsStep } from "../steps/get-inventory-levels.ts"
import type { InventoryLevelSelector } from "../steps/get-inventory-levels.ts"
import { validateInventoryLevelsDeleteStep } from "../steps/validate-inventory-levels-delete.ts"

export type DeleteInventoryLevelsWorkflowInput = InventoryLevelSelector & {
  /** Delete levels that still hold stock (never those with reserved or incoming units). */
  force?: boolean
}

export const deleteInventoryLevelsWorkflowId = "delete-inventory-levels-workflow"

/** Removes items' stock levels at locations, refusing any that orders still count on. Returns the deleted ids. */
export const deleteInventoryLevelsWorkflow = createWorkflow(
  deleteInventoryLevelsWorkflowId,
  (input: WorkflowData<DeleteInventoryLevelsWorkflowInput>) => {
    const selector = transform({ input }, ({ input }) => ({
      id: input.id,
      inventory_item_id: input.inventory_item_id,
      location_id: input.location_id,
    }))
    const levels = getInventoryLevelsStep(selector)
    validateInventoryLevelsDeleteStep({ levels, force: input.force })
    const levelIds = transform({ levels }, ({ levels }) => levels.map((level) => level.id))
    const deleted = deleteInventoryLevelsStep(levelIds)
    emitEventStep(transform({ deleted }, ({ deleted }) => deleted.map((id) => ({ name: InventoryEvents.INVENTORY_LEVEL_DELETED, data: { id } }))))
    return new WorkflowResponse(deleted)
  },
)
