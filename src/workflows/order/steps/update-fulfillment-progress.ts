import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService } from "../../../modules/fulfillment/index.ts"

export type FulfillmentLabelInput = { tracking_number: string; tracking_url: string; label_url: string }

export type UpdateFulfillmentProgressStepInput = {
  id: string
  shipped_at?: Date
  delivered_at?: Date
  marked_shipped_by?: string | null
  /** Tracking labels added with a shipment. */
  labels?: FulfillmentLabelInput[]
}

type Previous = {
  id: string
  shipped_at: Date | null
  delivered_at: Date | null
  marked_shipped_by: string | null
  label_ids: string[]
}

export const updateFulfillmentProgressStepId = "update-fulfillment-progress-step"
/**
 * Moves the fulfillment module's record of a fulfillment along (shipped, delivered), with the labels of
 * a shipment; nothing when the module holds no fulfillment with this id. Its compensation puts the
 * dates back and removes the labels.
 */
export const updateFulfillmentProgressStep = createStep(
  updateFulfillmentProgressStepId,
  async (input: UpdateFulfillmentProgressStepInput, { container }) => {
    const fulfillments = container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
    const [current] = await fulfillments.listFulfillments({ id: input.id })
    if (!current) return new StepResponse<undefined, Previous | undefined>(undefined, undefined)
    const previous: Previous = {
      id: current.id,
      shipped_at: current.shipped_at,
      delivered_at: current.delivered_at,
      marked_shipped_by: current.marked_shipped_by,
      label_ids: [],
    }
    const { labels, ...dates } = input
    await fulfillments.updateFulfillments(dates)
    if (labels && labels.length > 0) {
      const created = await fulfillments.createFulfillmentLabels(labels.map((label) => ({ ...label, fulfillment_id: input.id })))
      previous.label_ids = created.map((label) => label.id)
    }
    return new StepResponse(undefined, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const fulfillments = container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
    const { label_ids, ...dates } = previous
    if (label_ids.length > 0) await fulfillments.deleteFulfillmentLabels(label_ids)
    await fulfillments.updateFulfillments(dates)
  },
)
