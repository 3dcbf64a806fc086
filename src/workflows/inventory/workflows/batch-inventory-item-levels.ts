import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CreateInventoryLevelInput } from "../../../modules/inventory/index.ts"
import type { UpdateInventoryLevelByItemAndLocation } from "../steps/update-inventory-levels.ts"
import { createInventoryLevelsWorkflow } from "./create-inventory-levels.ts"
import { deleteInventoryLevelsWorkflow } from "./delete-inventory-levels.ts"
import { updateInventoryLevelsWorkflow } from "./update-inventory-levels.ts"

export type BatchInventoryItemLevelsWorkflowInput = {
  create?: CreateInventoryLevelInput[]
  update?: UpdateInventoryLevelByItemAndLocation[]
  /** Ids of levels to delete. */
  delete?: string[]
  /** Delete levels that still hold stock (never those with reserved or incoming units). */
  force?: boolean
}

export const batchInventoryItemLevelsWorkflowId = "batch-inventory-item-levels-workflow"

/** Creates, updates and deletes stock levels together: all of it happens, or none. */
export const batchInventoryItemLevelsWorkflow = createWorkflow(
  batchInventoryItemLevelsWorkflowId,
  (input: WorkflowData<BatchInventoryItemLevelsWorkflowInput>) => {
    const created = createInventoryLevelsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ inventory_levels: input.create ?? [] })),
    })
    const updated = updateInventoryLevelsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ updates: input.update ?? [] })),
    })
    const deleted = deleteInventoryLevelsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ id: input.delete ?? [], force: input.force ?? false })),
    })
    return new WorkflowResponse(transform({ created, updated, deleted }, (result) => result))
  },
)
