import { createHook, createWorkflow, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { BrandEvents } from "../events.ts"
import { createBrandStep } from "../steps/create-brand.ts"
import type { CreateBrandStepInput } from "../steps/create-brand.ts"

export const createBrandWorkflowId = "create-brand"

export const createBrandWorkflow = createWorkflow(createBrandWorkflowId, (input: WorkflowData<CreateBrandStepInput>) => {
  const brand = createBrandStep(input)
  const brandCreated = createHook("brandCreated", { brand })
  emitEventStep({ name: BrandEvents.CREATED, data: { id: brand.id } })
  return new WorkflowResponse(brand, { hooks: [brandCreated] })
})
