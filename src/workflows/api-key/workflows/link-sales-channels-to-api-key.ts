import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { createLinksStep, dismissLinksStep, useQueryGraphStep } from "../../common/index.ts"
import { validatePublishableKeyStep } from "../steps/validate-publishable-key.ts"
import { validateSalesChannelsExistStep } from "../steps/validate-sales-channels-exist.ts"

export type LinkSalesChannelsToApiKeyWorkflowInput = {
  /** The publishable key. */
  id: string
  /** Sales channels the key starts scoping the store to. */
  add?: string[] | undefined
  /** Sales channels it stops scoping the store to. */
  remove?: string[] | undefined
}

export const linkSalesChannelsToApiKeyWorkflowId = "link-sales-channels-to-api-key"

/**
 * Sets which sales channels a publishable key scopes the store to. Only links that change are
 * written, so a rollback never removes a link that was there before.
 */
export const linkSalesChannelsToApiKeyWorkflow = createWorkflow(
  linkSalesChannelsToApiKeyWorkflowId,
  (input: WorkflowData<LinkSalesChannelsToApiKeyWorkflowInput>) => {
    validatePublishableKeyStep(input.id)
    validateSalesChannelsExistStep(transform({ input }, ({ input }) => input.add ?? []))
    const { data: current } = useQueryGraphStep({
      entity: "api_key_sales_channel",
      fields: ["sales_channel_id"],
      filters: { api_key_id: input.id },
    })
    const changes = transform({ input, current }, ({ input, current }) => {
      const linked = new Set(current.map((row) => String(row.sales_channel_id)))
      const wanted = new Set(input.add ?? [])
      // As in Medusa, a channel both added and removed ends up linked.
      const add = [...wanted].filter((id) => !linked.has(id))
      const remove = [...new Set(input.remove ?? [])].filter((id) => linked.has(id) && !wanted.has(id))
      const link = (id: string) => ({ api_key: { api_key_id: input.id }, sales_channel: { sales_channel_id: id } })
      return { add: add.map(link), remove: remove.map(link) }
    })
    dismissLinksStep(changes.remove)
    createLinksStep(changes.add)
    return new WorkflowResponse(undefined)
  },
)
