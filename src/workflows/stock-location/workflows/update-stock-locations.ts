import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { UpdateStockLocationInput } from "../../../modules/stock-location/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { StockLocationEvents } from "../events.ts"
import { updateStockLocationsStep } from "../steps/update-stock-locations.ts"

export type UpdateStockLocationsWorkflowInput = { updates: (UpdateStockLocationInput & { id: string })[] }

export const updateStockLocationsWorkflowId = "update-stock-locations-workflow"

/** Updates stock locations and their addresses, and announces it. */
export const updateStockLocationsWorkflow = createWorkflow(
  updateStockLocationsWorkflowId,
  (input: WorkflowData<UpdateStockLocationsWorkflowInput>) => {
    const locations = updateStockLocationsStep(input.updates)
    emitEventStep(
      transform({ locations }, ({ locations }) => locations.map((location) => ({ name: StockLocationEvents.UPDATED, data: { id: location.id } }))),
    )
    return new WorkflowResponse(locations)
  },
)
