import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { createLinksStep, dismissLinksStep, useQueryGraphStep } from "../../common/index.ts"
import { validateStockLocationStep } from "../steps/validate-stock-location.ts"

export type LinkSalesChannelsToStockLocationWorkflowInput = {
  /** The stock location. */
  id: string
  /** Sales channels that start selling from it. */
  add?: string[]
  /** Sales channels that stop selling from it. */
  remove?: string[]
}

export const linkSalesChannelsToStockLocationWorkflowId = "link-sales-channels-to-stock-location"

/**
 * Sets which sales channels sell from a stock location. Only links that change are written, so a
 * rollback never removes a link that was there before.
 */
export const linkSalesChannelsToStockLocationWorkflow = createWorkflow(
  linkSalesChannelsToStockLocationWorkflowId,
  (input: WorkflowData<LinkSalesChannelsToStockLocationWorkflowInput>) => {
    validateStockLocationStep(input.id)
    const { data: current } = useQueryGraphStep({
      entity: "sales_channel_stock_location",
      fields: ["sales_channel_id"],
      filters: { stock_location_id: input.id },
    })
    const changes = transform({ input, current }, ({ input, current }) => {
      const linked = new Set(current.map((row) => String(row.sales_channel_id)))
      const wanted = new Set(input.add ?? [])
      // As in Medusa, a channel both added and removed ends up linked.
      const add = [...wanted].filter((id) => !linked.has(id))
      const remove = [...new Set(input.remove ?? [])].filter((id) => linked.has(id) && !wanted.has(id))
      const link = (id: string) => ({ sales_channel: { sales_channel_id: id }, stock_location: { stock_location_id: input.id } })
      return { add: add.map(link), remove: remove.map(link) }
    })
    dismissLinksStep(changes.remove)
    createLinksStep(changes.add)
    return new WorkflowResponse(undefined)
  },
)
