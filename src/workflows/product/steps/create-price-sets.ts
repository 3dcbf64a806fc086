import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PRICING_MODULE } from "../../../modules/pricing/index.ts"
import type { CreatePriceSetInput, PriceSetWithPrices, PricingModuleService } from "../../../modules/pricing/index.ts"

export const createPriceSetsStepId = "create-price-sets-step"

/** Creates price sets with their prices; its compensation deletes them (prices and rules go with them). */
export const createPriceSetsStep = createStep(
  createPriceSetsStepId,
  async (sets: CreatePriceSetInput[], { container }) => {
    if (sets.length === 0) return new StepResponse<PriceSetWithPrices[], string[]>([], [])
    const created = await container.resolve<PricingModuleService>(PRICING_MODULE).createPriceSets(sets)
    return new StepResponse(
      created,
      created.map((set) => set.id),
    )
  },
  async (setIds, { container }) => {
    if (!setIds || setIds.length === 0) return
    await container.resolve<PricingModuleService>(PRICING_MODULE).deletePriceSets(setIds)
  },
)
