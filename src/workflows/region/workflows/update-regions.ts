import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { UpdateRegionInput } from "../../../modules/region/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { RegionEvents } from "../events.ts"
import { setRegionsPaymentProvidersStep } from "../steps/set-regions-payment-providers.ts"
import { updateRegionsStep } from "../steps/update-regions.ts"

/** Changes to a region; `countries` and `payment_providers`, when given, replace the region's. */
export type UpdateRegionWorkflowInput = UpdateRegionInput & { payment_providers?: string[] | undefined }

export type UpdateRegionsWorkflowInput = { regions: UpdateRegionWorkflowInput[] }

export const updateRegionsWorkflowId = "update-regions"

/** Updates regions, their countries and payment providers, and announces them; not_found for an unknown region. */
export const updateRegionsWorkflow = createWorkflow(updateRegionsWorkflowId, (input: WorkflowData<UpdateRegionsWorkflowInput>) => {
  const regions = updateRegionsStep(transform({ input }, ({ input }) => input.regions.map(({ payment_providers: _, ...region }) => region)))
  setRegionsPaymentProvidersStep(
    transform({ input }, ({ input }) => input.regions.map((region) => ({ id: region.id, payment_providers: region.payment_providers }))),
  )
  emitEventStep(transform({ regions }, ({ regions }) => regions.map((region) => ({ name: RegionEvents.UPDATED, data: { id: region.id } }))))
  return new WorkflowResponse(regions)
})
