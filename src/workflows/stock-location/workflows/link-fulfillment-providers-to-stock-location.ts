import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { createLinksStep, dismissLinksStep, useQueryGraphStep } from "../../common/index.ts"
import { validateFulfillmentProvidersExistStep } from "../../fulfillment/steps/validate-fulfillment-providers-exist.ts"
import { validateStockLocationStep } from "../steps/validate-stock-location.ts"

export type LinkFulfillmentProvidersToStockLocationWorkflowInput = {
  /** The stock location. */
  id: string
  /** Providers it starts shipping through (e.g. `manual_manual`). */
  add?: string[] | undefined
  /** Providers it stops shipping through. */
  remove?: string[] | undefined
}

export const linkFulfillmentProvidersToStockLocationWorkflowId = "link-fulfillment-providers-to-stock-location"

/**
 * Sets which fulfillment providers a stock location ships through (a shipping option may only use
 * one of them). Only links that change are written, so a rollback never removes one that was there.
 */
export const linkFulfillmentProvidersToStockLocationWorkflow = createWorkflow(
  linkFulfillmentProvidersToStockLocationWorkflowId,
  (input: WorkflowData<LinkFulfillmentProvidersToStockLocationWorkflowInput>) => {
    validateStockLocationStep(input.id)
    validateFulfillmentProvidersExistStep(transform({ input }, ({ input }) => input.add ?? []))
    const { data: current } = useQueryGraphStep({
      entity: "stock_location_fulfillment_provider",
      fields: ["fulfillment_provider_id"],
      filters: { stock_location_id: input.id },
    })
    const changes = transform({ input, current }, ({ input, current }) => {
      const linked = new Set(current.map((row) => String(row.fulfillment_provider_id)))
      const wanted = new Set(input.add ?? [])
      const add = [...wanted].filter((id) => !linked.has(id))
      const remove = [...new Set(input.remove ?? [])].filter((id) => linked.has(id) && !wanted.has(id))
      const link = (id: string) => ({ stock_location: { stock_location_id: input.id }, fulfillment: { fulfillment_provider_id: id } })
      return { add: add.map(link), remove: remove.map(link) }
    })
    dismissLinksStep(changes.remove)
    createLinksStep(changes.add)
    return new WorkflowResponse(undefined)
  },
)
