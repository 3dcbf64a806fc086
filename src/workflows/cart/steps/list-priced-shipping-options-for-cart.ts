import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { CartAddress } from "../../../modules/cart/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService, ShippingOptionForContext } from "../../../modules/fulfillment/index.ts"
import { shippingContextOf } from "../utils/shipping-context.ts"
import { getShippingOptionsForCart } from "./get-shipping-options-for-cart.ts"

export type ListPricedShippingOptionsForCartStepInput = { cart_id: string; is_return?: boolean }

/** An option offered for the cart, with its price in the cart's currency (a decimal). */
export type PricedShippingOptionForCart = ShippingOptionForContext & { amount: string; is_tax_inclusive: boolean }

type CartForShipping = {
  id: string
  sales_channel_id: string | null
  currency_code: string
  region_id: string | null
  shipping_address: CartAddress | null
}

export const listPricedShippingOptionsForCartStepId = "list-priced-shipping-options-for-cart-step"
/**
 * The shipping options offered for a cart, priced, in one step: the cart (not_found when there is
 * none), the options offered for it (`listShippingOptionsForCartStep`), each priced in its currency
 * and region (`getShippingOptionsForCartStep`; one without a price is invalid_data naming it).
 */
export const listPricedShippingOptionsForCartStep = createStep(
  { name: listPricedShippingOptionsForCartStepId, readOnly: true },
  async (input: ListPricedShippingOptionsForCartStepInput, { container }) => {
    const query = container.resolve<Query>("query")
    const { data } = await query.graph<CartForShipping>({
      entity: "cart",
      fields: ["id", "sales_channel_id", "currency_code", "region_id", "shipping_address.*"],
      filters: { id: input.cart_id },
    })
    const cart = data[0]
    if (!cart) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Cart with id: ${input.cart_id} was not found`)
    const context = await shippingContextOf(query, cart)
    const options = await container
      .resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
      .listShippingOptionsForContext({ ...context, is_return: input.is_return ?? false })
    const priced = await getShippingOptionsForCart(container, {
      cart: { ...cart, shipping_methods: [] },
      option_ids: options.map((option) => option.id),
    })
    return new StepResponse<PricedShippingOptionForCart[]>(
      options.map((option) => {
        const price = priced.options.find((candidate) => candidate.id === option.id)!
        return { ...option, amount: price.amount, is_tax_inclusive: price.is_tax_inclusive }
      }),
    )
  },
)
