import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import { money } from "../../../framework/money/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { CartShippingMethod } from "../../../modules/cart/index.ts"
import { PRICING_MODULE } from "../../../modules/pricing/index.ts"
import type { PricingModuleService } from "../../../modules/pricing/index.ts"

export type GetShippingOptionsForCartStepInput = {
  cart: { currency_code: string; region_id: string | null; shipping_methods: Pick<CartShippingMethod, "id" | "shipping_option_id">[] }
  option_ids: string[]
}

export type ShippingOptionForCart = {
  id: string
  name: string
  provider_id: string | null
  shipping_profile_id: string
  data: Record<string, unknown> | null
  /** The price for the cart's currency (and region), a decimal. */
  amount: string
  is_tax_inclusive: boolean
}

export type GetShippingOptionsForCartStepOutput = {
  options: ShippingOptionForCart[]
  /** The cart's methods the options replace: those of the same shipping profiles. */
  replaced_method_ids: string[]
}

type OptionRow = {
  id: string
  name: string
  provider_id: string | null
  shipping_profile_id: string
  data: Record<string, unknown> | null
  price_set: { id: string } | null
}

/** The options with their price for the cart (invalid_data naming those without one), and the methods they replace. */
export const getShippingOptionsForCartStepId = "get-shipping-options-for-cart-step"
export const getShippingOptionsForCartStep = createStep(
  { name: getShippingOptionsForCartStepId, readOnly: true },
  async (input: GetShippingOptionsForCartStepInput, { container }) => {
    return new StepResponse<GetShippingOptionsForCartStepOutput>(await getShippingOptionsForCart(container, input))
  },
)

/** `getShippingOptionsForCartStep`'s read, for steps that price options among other reads. */
export async function getShippingOptionsForCart(
  container: AwilixContainer,
  { cart, option_ids }: GetShippingOptionsForCartStepInput,
): Promise<GetShippingOptionsForCartStepOutput> {
  const current = cart.shipping_methods.flatMap((method) => (method.shipping_option_id ? [method.shipping_option_id] : []))
  const { data } = await container.resolve<Query>("query").graph<OptionRow>({
    entity: "shipping_option",
    fields: ["id", "name", "provider_id", "shipping_profile_id", "data", "price_set.id"],
    filters: { id: [...new Set([...option_ids, ...current])] },
  })
  const requested = option_ids.map((id) => {
    const option = data.find((row) => row.id === id)
    if (!option) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Shipping option with id: ${id} was not found`)
    return option
  })
  const context = { currency_code: cart.currency_code, ...(cart.region_id ? { region_id: cart.region_id } : {}) }
  const priceSetIds = requested.flatMap((option) => (option.price_set ? [option.price_set.id] : []))
  const prices = await container.resolve<PricingModuleService>(PRICING_MODULE).calculatePrices({ id: priceSetIds }, { context })
  const unpriced = requested.filter((option) => !prices.some((price) => price.id === option.price_set?.id)).map((option) => option.id)
  if (unpriced.length > 0) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `Shipping options with IDs ${unpriced.join(", ")} do not have a price`)
  }
  const options = requested.map((option): ShippingOptionForCart => {
    const price = prices.find((candidate) => candidate.id === option.price_set?.id)!
    return {
      id: option.id,
      name: option.name,
      provider_id: option.provider_id,
      shipping_profile_id: option.shipping_profile_id,
      data: option.data,
      amount: money.toDecimal(price.calculated_amount),
      is_tax_inclusive: price.is_calculated_price_tax_inclusive,
    }
  })
  const profiles = new Set(options.map((option) => option.shipping_profile_id))
  const replaced = cart.shipping_methods.filter((method) => {
    const option = data.find((row) => row.id === method.shipping_option_id)
    // A method whose option is gone cannot be shipped with any more: it goes too.
    return !option || profiles.has(option.shipping_profile_id)
  })
  return { options, replaced_method_ids: replaced.map((method) => method.id) }
}
