import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { FulfillmentWorkflowEvents } from "../events.ts"
import { createServiceZonesStep } from "../steps/create-service-zones.ts"
import type { CreateServiceZonesStepInput } from "../steps/create-service-zones.ts"
import { validateFulfillmentSetsStep } from "../steps/validate-fulfillment-sets.ts"

export type CreateServiceZonesWorkflowInput = { data: CreateServiceZonesStepInput }

export const createServiceZonesWorkflowId = "create-service-zones"

/** Creates service zones (the areas a fulfillment set serves, as geo zones) in existing fulfillment sets. */
export const createServiceZonesWorkflow = createWorkflow(createServiceZonesWorkflowId, (input: WorkflowData<CreateServiceZonesWorkflowInput>) => {
  validateFulfillmentSetsStep(transform({ input }, ({ input }) => input.data.map((zone) => zone.fulfillment_set_id)))
  const zones = createServiceZonesStep(input.data)
  emitEventStep(
    transform({ zones }, ({ zones }) => zones.map((zone) => ({ name: FulfillmentWorkflowEvents.SERVICE_ZONE_CREATED, data: { id: zone.id } }))),
  )
  return new WorkflowResponse(zones)
})
