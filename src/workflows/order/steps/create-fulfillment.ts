import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { CreateFulfillmentInput, FulfillmentDTO, FulfillmentModuleService } from "../../../modules/fulfillment/index.ts"

export const createFulfillmentStepId = "create-fulfillment-step"
/**
 * Creates a fulfillment through its provider (the fulfillment module stores nothing when the provider
 * fails). Its compensation cancels it with the provider and deletes it.
 */
export const createFulfillmentStep = createStep(
  createFulfillmentStepId,
  async (input: CreateFulfillmentInput, { container }) => {
    const fulfillment = await container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).createFulfillment(input)
    return new StepResponse<FulfillmentDTO, string>(fulfillment, fulfillment.id)
  },
  async (fulfillmentId, { container }) => {
    if (!fulfillmentId) return
    const fulfillment = container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
    await fulfillment.cancelFulfillment(fulfillmentId)
    await fulfillment.deleteFulfillments(fulfillmentId)
  },
)
