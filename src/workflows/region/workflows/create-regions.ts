import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CreateRegionInput } from "../../../modules/region/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { RegionEvents } from "../events.ts"
import { createRegionsStep } from "../steps/create-regions.ts"
import { setRegionsPaymentProvidersStep } from "../steps/set-regions-payment-providers.ts"

/** A region to create, with the payment providers it offers (e.g. `["pp_system_default"]`). */
export type CreateRegionWorkflowInput = Omit<CreateRegionInput, "id"> & { payment_providers?: string[] | undefined }

export type CreateRegionsWorkflowInput = { regions: CreateRegionWorkflowInput[] }

export const createRegionsWorkflowId = "create-regions"

/** Creates regions with their countries and payment providers, and announces them. */
export const createRegionsWorkflow = createWorkflow(createRegionsWorkflowId, (input: WorkflowData<CreateRegionsWorkflowInput>) => {
  const regions = createRegionsStep(transform({ input }, ({ input }) => input.regions.map(({ payment_providers: _, ...region }) => region)))
  setRegionsPaymentProvidersStep(
    transform({ input, regions }, ({ input, regions }) =>
      regions.map((region, i) => ({ id: region.id, payment_providers: input.regions[i]?.payment_providers })),
    ),
  )
  emitEventStep(transform({ regions }, ({ regions }) => regions.map((region) => ({ name: RegionEvents.CREATED, data: { id: region.id } }))))
  return new WorkflowResponse(regions)
})
