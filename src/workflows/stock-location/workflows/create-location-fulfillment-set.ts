import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { createLinksStep } from "../../common/index.ts"
import { createFulfillmentSetsStep } from "../../fulfillment/steps/create-fulfillment-sets.ts"
import { validateStockLocationStep } from "../steps/validate-stock-location.ts"

export type CreateLocationFulfillmentSetWorkflowInput = {
  location_id: string
  fulfillment_set_data: { name: string; type: "shipping" | "pickup" }
}

export const createLocationFulfillmentSetWorkflowId = "create-location-fulfillment-set"

/** Creates a fulfillment set (shipping or pickup) served from a stock location, linked to it. */
export const createLocationFulfillmentSetWorkflow = createWorkflow(
  createLocationFulfillmentSetWorkflowId,
  (input: WorkflowData<CreateLocationFulfillmentSetWorkflowInput>) => {
    validateStockLocationStep(input.location_id)
    const sets = createFulfillmentSetsStep(transform({ input }, ({ input }) => [input.fulfillment_set_data]))
    createLinksStep(
      transform({ input, sets }, ({ input, sets }) =>
        sets.map((set) => ({ stock_location: { stock_location_id: input.location_id }, fulfillment: { fulfillment_set_id: set.id } })),
      ),
    )
    return new WorkflowResponse(transform({ sets }, ({ sets }) => sets[0]!))
  },
)
