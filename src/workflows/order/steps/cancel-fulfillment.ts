import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService } from "../../../modules/fulfillment/index.ts"

export const cancelFulfillmentStepId = "cancel-fulfillment-step"
/**
 * Cancels a fulfillment with its provider (when the fulfillment module holds one with this id). A
 * provider cannot take a cancellation back: no compensation, so workflows run it last.
 */
export const cancelFulfillmentStep = createStep(cancelFulfillmentStepId, async ({ id }: { id: string }, { container }) => {
  const fulfillments = container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
  const [found] = await fulfillments.listFulfillments({ id }, { select: ["id"] })
  if (found) await fulfillments.cancelFulfillment(id)
  return new StepResponse(Boolean(found))
})
