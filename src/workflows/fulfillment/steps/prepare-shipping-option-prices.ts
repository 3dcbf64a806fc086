import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { UpsertPriceInput } from "../../../modules/pricing/index.ts"

/**
 * A shipping option price as the admin API takes it: in a currency (`currency_code`), or in a region
 * (`region_id`: the region's currency, only there). With an `id` it changes that price, and may leave
 * out what stays; a new price needs its amount and currency or region (the pricing module says which is missing).
 */
export type ShippingOptionPriceInput = { id?: string | undefined; currency_code?: string | undefined; region_id?: string | undefined; amount?: number | undefined }

export type PrepareShippingOptionPricesStepInput = { shipping_option_id: string; prices: ShippingOptionPriceInput[] }[]

export type ShippingOptionPrices = { shipping_option_id: string; prices: UpsertPriceInput[] }[]

export const prepareShippingOptionPricesStepId = "prepare-shipping-option-prices-step"

/**
 * Turns region prices into prices in the region's currency with a `region_id` rule, as Medusa stores
 * them; invalid_data naming the price whose region does not exist. Reads only: nothing to undo.
 */
export const prepareShippingOptionPricesStep = createStep(
  { name: prepareShippingOptionPricesStepId, readOnly: true },
  async (options: PrepareShippingOptionPricesStepInput, { container }) => {
    const regionIds = [...new Set(options.flatMap((option) => option.prices.flatMap((price) => ("region_id" in price && price.region_id ? [price.region_id] : []))))]
    const { data: regions } =
      regionIds.length === 0
        ? { data: [] }
        : await container.resolve<Query>("query").graph<{ id: string; currency_code: string }>({
            entity: "region",
            fields: ["id", "currency_code"],
            filters: { id: regionIds },
          })
    const prepared: ShippingOptionPrices = options.map((option) => ({
      shipping_option_id: option.shipping_option_id,
      prices: option.prices.map((price, i): UpsertPriceInput => {
        const { region_id: regionId, ...rest } = price
        if (!regionId) return rest as UpsertPriceInput
        const region = regions.find((row) => row.id === regionId)
        if (!region) throw new AgoraError(AgoraError.Types.INVALID_DATA, `prices[${i}].region_id: Region with id: ${regionId} was not found`)
        return { ...rest, currency_code: region.currency_code, rules: { region_id: regionId } } as UpsertPriceInput
      }),
    }))
    return new StepResponse(prepared)
  },
)
