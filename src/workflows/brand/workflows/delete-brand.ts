import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { BrandEvents } from "../events.ts"
import { deleteBrandsStep } from "../steps/delete-brands.ts"

export type DeleteBrandWorkflowInput = { ids: string[] }

export const deleteBrandWorkflowId = "delete-brand"

/** Soft-deletes brands; their products stay, without a brand. Unknown ids are ignored. */
export const deleteBrandWorkflow = createWorkflow(deleteBrandWorkflowId, (input: WorkflowData<DeleteBrandWorkflowInput>) => {
  const deleted = deleteBrandsStep(input.ids)
  const brandsDeleted = createHook("brandsDeleted", { ids: deleted })
  emitEventStep(transform({ deleted }, ({ deleted }) => deleted.map((id) => ({ name: BrandEvents.DELETED, data: { id } }))))
  return new WorkflowResponse(deleted, { hooks: [brandsDeleted] })
})
