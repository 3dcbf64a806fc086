import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CreateShippingOptionInput } from "../../../modules/fulfillment/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { FulfillmentWorkflowEvents } from "../events.ts"
import { createShippingOptionsStep } from "../steps/create-shipping-options.ts"
import { prepareShippingOptionPricesStep } from "../steps/prepare-shipping-option-prices.ts"
import type { ShippingOptionPriceInput } from "../steps/prepare-shipping-option-prices.ts"
import { setShippingOptionPricesStep } from "../steps/set-shipping-option-prices.ts"
import { validateFulfillmentProvidersStep } from "../steps/validate-fulfillment-providers.ts"

/** A shipping option with its prices: `{ currency_code, amount }` or `{ region_id, amount }` (the region's currency, there only). */
export type CreateShippingOptionWorkflowInput = Omit<CreateShippingOptionInput, "id"> & { prices: ShippingOptionPriceInput[] }

export type CreateShippingOptionsWorkflowInput = { shipping_options: CreateShippingOptionWorkflowInput[] }

export const createShippingOptionsWorkflowId = "create-shipping-options"

/**
 * Creates shipping options with their type, rules and prices (a price set linked to each), once
 * their provider is one the service zone's stock location ships through; announces them.
 */
export const createShippingOptionsWorkflow = createWorkflow(
  createShippingOptionsWorkflowId,
  (input: WorkflowData<CreateShippingOptionsWorkflowInput>) => {
    validateFulfillmentProvidersStep(
      transform({ input }, ({ input }) =>
        input.shipping_options.map((option) => ({ service_zone_id: option.service_zone_id, provider_id: option.provider_id })),
      ),
    )
    // Prices are checked before anything is written; they are keyed by position until the options exist.
    const prices = prepareShippingOptionPricesStep(
      transform({ input }, ({ input }) => input.shipping_options.map((option, i) => ({ shipping_option_id: String(i), prices: option.prices }))),
    )
    const options = createShippingOptionsStep(
      transform({ input }, ({ input }) => input.shipping_options.map(({ prices: _, ...option }) => option)),
    )
    setShippingOptionPricesStep(
      transform({ prices, options }, ({ prices, options }) =>
        prices.map((entry, i) => ({ shipping_option_id: options[i]!.id, prices: entry.prices })),
      ),
    )
    emitEventStep(
      transform({ options }, ({ options }) =>
        options.map((option) => ({ name: FulfillmentWorkflowEvents.SHIPPING_OPTION_CREATED, data: { id: option.id } })),
      ),
    )
    return new WorkflowResponse(options)
  },
)
