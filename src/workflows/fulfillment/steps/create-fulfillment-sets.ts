import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { CreateFulfillmentSetInput, FulfillmentModuleService, FulfillmentSetDTO } from "../../../modules/fulfillment/index.ts"

export const createFulfillmentSetsStepId = "create-fulfillment-sets-step"

/** Creates fulfillment sets with the service zones given inline; its compensation deletes them (zones included). */
export const createFulfillmentSetsStep = createStep(
  createFulfillmentSetsStepId,
  async (sets: CreateFulfillmentSetInput[], { container }) => {
    if (sets.length === 0) return new StepResponse<FulfillmentSetDTO[], string[]>([], [])
    const created = await container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).createFulfillmentSets(sets)
    return new StepResponse(
      created,
      created.map((set) => set.id),
    )
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).deleteFulfillmentSets(ids)
  },
)
