import { ContainerKeys } from "../../../framework/container/index.ts"
import type { Database } from "../../../framework/database/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { CreateShippingOptionInput, FulfillmentModuleService, ShippingOptionDTO } from "../../../modules/fulfillment/index.ts"

type Created = { optionIds: string[]; typeIds: string[] }

export const createShippingOptionsStepId = "create-shipping-options-step"

/**
 * Creates shipping options with their rules, and the types given inline; its compensation deletes
 * the options (rules included) and those types.
 */
export const createShippingOptionsStep = createStep(
  createShippingOptionsStepId,
  async (options: CreateShippingOptionInput[], { container }) => {
    if (options.length === 0) return new StepResponse<ShippingOptionDTO[], Created>([], { optionIds: [], typeIds: [] })
    const created = await container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).createShippingOptions(options)
    return new StepResponse(created, {
      optionIds: created.map((option) => option.id),
      typeIds: created.flatMap((option, i) => (options[i]?.type ? [option.type_id] : [])),
    })
  },
  async (created, { container }) => {
    if (!created || created.optionIds.length === 0) return
    const service = container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
    await container.resolve<Database>(ContainerKeys.DATABASE).transaction(async () => {
      await service.deleteShippingOptions(created.optionIds)
      await service.deleteShippingOptionTypes(created.typeIds)
    })
  },
)
