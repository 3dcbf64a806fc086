import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep, useQueryGraphStep } from "../../common/index.ts"
import { deleteFulfillmentSetsStep } from "../../fulfillment/steps/delete-fulfillment-sets.ts"
import { StockLocationEvents } from "../events.ts"
import { deleteStockLocationsStep } from "../steps/delete-stock-locations.ts"

export type DeleteStockLocationsWorkflowInput = { ids: string[] }

export const deleteStockLocationsWorkflowId = "delete-stock-locations-workflow"

/**
 * Deletes stock locations: their fulfillment sets (with service zones and shipping options), their
 * addresses and their links to sales channels and providers go with them. Announces it.
 */
export const deleteStockLocationsWorkflow = createWorkflow(
  deleteStockLocationsWorkflowId,
  (input: WorkflowData<DeleteStockLocationsWorkflowInput>) => {
    const { data: sets } = useQueryGraphStep({
      entity: "stock_location_fulfillment_set",
      fields: ["fulfillment_set_id"],
      filters: { stock_location_id: input.ids },
    })
    // The sets go first, with their zones and options; deleting the location would only cascade to the sets.
    deleteFulfillmentSetsStep(transform({ sets }, ({ sets }) => ({ ids: sets.map((row) => String(row.fulfillment_set_id)), ignoreMissing: true })))
    const deleted = deleteStockLocationsStep(input.ids)
    emitEventStep(transform({ deleted }, ({ deleted }) => deleted.map((id) => ({ name: StockLocationEvents.DELETED, data: { id } }))))
    return new WorkflowResponse(deleted)
  },
)
