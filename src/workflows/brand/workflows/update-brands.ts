import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { BrandEvents } from "../events.ts"
import { updateBrandsStep } from "../steps/update-brands.ts"
import type { UpdateBrandsStepInput } from "../steps/update-brands.ts"

export type UpdateBrandsWorkflowInput = UpdateBrandsStepInput & { additional_data?: Record<string, unknown> }

export const updateBrandsWorkflowId = "update-brands"

export const updateBrandsWorkflow = createWorkflow(updateBrandsWorkflowId, (input: WorkflowData<UpdateBrandsWorkflowInput>) => {
  const brands = updateBrandsStep(input)
  const brandsUpdated = createHook("brandsUpdated", { brands, additional_data: input.additional_data })
  emitEventStep(transform({ brands }, ({ brands }) => brands.map((brand) => ({ name: BrandEvents.UPDATED, data: { id: brand.id } }))))
  return new WorkflowResponse(brands, { hooks: [brandsUpdated] })
})
