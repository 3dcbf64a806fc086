import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { RegionEvents } from "../events.ts"
import { deleteRegionsStep } from "../steps/delete-regions.ts"

export type DeleteRegionsWorkflowInput = { ids: string[] }

export const deleteRegionsWorkflowId = "delete-regions"

/** Soft-deletes regions, frees their countries for other regions, and announces it. */
export const deleteRegionsWorkflow = createWorkflow(deleteRegionsWorkflowId, (input: WorkflowData<DeleteRegionsWorkflowInput>) => {
  const deleted = deleteRegionsStep(input.ids)
  emitEventStep(transform({ deleted }, ({ deleted }) => deleted.map((id) => ({ name: RegionEvents.DELETED, data: { id } }))))
  return new WorkflowResponse(deleted)
})
