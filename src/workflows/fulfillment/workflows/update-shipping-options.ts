import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep, useQueryGraphStep } from "../../common/index.ts"
import { FulfillmentWorkflowEvents } from "../events.ts"
import { prepareShippingOptionPricesStep } from "../steps/prepare-shipping-option-prices.ts"
import type { ShippingOptionPriceInput } from "../steps/prepare-shipping-option-prices.ts"
import { setShippingOptionPricesStep } from "../steps/set-shipping-option-prices.ts"
import { updateShippingOptionsStep } from "../steps/update-shipping-options.ts"
import type { UpdateShippingOptionInput } from "../steps/update-shipping-options.ts"
import { validateFulfillmentProvidersStep } from "../steps/validate-fulfillment-providers.ts"

/** Changes to a shipping option; `prices` and `rules`, when given, are its whole lists (entries with an `id` change that entry). */
export type UpdateShippingOptionWorkflowInput = UpdateShippingOptionInput & { prices?: ShippingOptionPriceInput[] | undefined }

export type UpdateShippingOptionsWorkflowInput = { shipping_options: UpdateShippingOptionWorkflowInput[] }

export const updateShippingOptionsWorkflowId = "update-shipping-options"

/** Updates shipping options, their type, rules and prices, and announces them. */
export const updateShippingOptionsWorkflow = createWorkflow(
  updateShippingOptionsWorkflowId,
  (input: WorkflowData<UpdateShippingOptionsWorkflowInput>) => {
    const { data: current } = useQueryGraphStep({
      entity: "shipping_option",
      fields: ["id", "service_zone_id"],
      filters: { id: transform({ input }, ({ input }) => input.shipping_options.map((option) => option.id)) },
    })
    // A new provider must be one the option's stock location ships through.
    validateFulfillmentProvidersStep(
      transform({ input, current }, ({ input, current }) =>
        input.shipping_options.flatMap((option) => {
          const zone = current.find((row) => row.id === option.id)?.service_zone_id
          return option.provider_id && typeof zone === "string" ? [{ service_zone_id: zone, provider_id: option.provider_id }] : []
        }),
      ),
    )
    const prices = prepareShippingOptionPricesStep(
      transform({ input }, ({ input }) =>
        input.shipping_options.flatMap((option) => (option.prices ? [{ shipping_option_id: option.id, prices: option.prices }] : [])),
      ),
    )
    const options = updateShippingOptionsStep(
      transform({ input }, ({ input }) => input.shipping_options.map(({ prices: _, ...option }) => option)),
    )
    setShippingOptionPricesStep(prices)
    emitEventStep(
      transform({ options }, ({ options }) =>
        options.map((option) => ({ name: FulfillmentWorkflowEvents.SHIPPING_OPTION_UPDATED, data: { id: option.id } })),
      ),
    )
    return new WorkflowResponse(options)
  },
)
