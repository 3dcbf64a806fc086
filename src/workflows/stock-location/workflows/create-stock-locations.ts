import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CreateStockLocationInput } from "../../../modules/stock-location/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { StockLocationEvents } from "../events.ts"
import { createStockLocationsStep } from "../steps/create-stock-locations.ts"

export type CreateStockLocationsWorkflowInput = { locations: CreateStockLocationInput[] }

export const createStockLocationsWorkflowId = "create-stock-locations-workflow"

/** Creates warehouses or stores that hold stock, each with its address. */
export const createStockLocationsWorkflow = createWorkflow(
  createStockLocationsWorkflowId,
  (input: WorkflowData<CreateStockLocationsWorkflowInput>) => {
    const locations = createStockLocationsStep(input.locations)
    emitEventStep(
      transform({ locations }, ({ locations }) => locations.map((location) => ({ name: StockLocationEvents.CREATED, data: { id: location.id } }))),
    )
    return new WorkflowResponse(locations)
  },
)
