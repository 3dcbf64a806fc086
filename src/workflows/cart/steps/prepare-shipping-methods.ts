import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { CartShippingMethodInput } from "../../../modules/cart/index.ts"
import { readCartWithLinks } from "../utils/read-cart.ts"
import { allInOrder } from "../utils/settle.ts"
import type { CartWithLinks } from "../utils/types.ts"
import { getShippingOptionsForCart } from "./get-shipping-options-for-cart.ts"
import { assertCartValid } from "./validate-cart.ts"
import { validateCartShippingOptions } from "./validate-cart-shipping-options.ts"
import { validateShippingMethodsData } from "./validate-shipping-methods-data.ts"

export type PrepareShippingMethodsStepInput = {
  cart_id: string
  /** The options asked for, with the data the customer gave with each. */
  options: { id: string; data?: Record<string, unknown> | null }[]
}

export type PreparedShippingMethods = {
  /** The cart as it is before the change (with its payment collection). */
  cart: CartWithLinks
  /** The methods to add, one per option. */
  methods: CartShippingMethodInput[]
  /** The cart's methods they replace: those of the same shipping profiles. */
  replaced_method_ids: string[]
}

/**
 * The shipping methods a cart gets for the options asked for, read and checked in one step before
 * anything is written: the cart (not_found, or invalid_data when completed), each option offered
 * for it (`validateCartShippingOptionsStep`) and priced in its currency
 * (`getShippingOptionsForCartStep`), the data given with it checked by its provider
 * (`validateShippingMethodsDataStep`).
 */
export const prepareShippingMethodsStepId = "prepare-shipping-methods-step"
export const prepareShippingMethodsStep = createStep(
  { name: prepareShippingMethodsStepId, readOnly: true },
  async (input: PrepareShippingMethodsStepInput, { container }) => {
    const cart = await readCartWithLinks(container.resolve<Query>("query"), input.cart_id)
    assertCartValid({ cart })
    const ids = (input.options ?? []).map((option) => option?.id)
    if (ids.length === 0 || ids.some((id) => typeof id !== "string" || id === "")) {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, "options must list at least one shipping option, each with its id")
    }
    const optionIds = [...new Set(ids)]
    // Offered (checked first) and priced: read at once.
    const [, shipping] = await allInOrder([
      validateCartShippingOptions(container, { cart, option_ids: optionIds }),
      getShippingOptionsForCart(container, { cart, option_ids: optionIds }),
    ])
    const data = await validateShippingMethodsData(container, {
      cart: {
        id: cart.id,
        currency_code: cart.currency_code,
        region_id: cart.region_id,
        sales_channel_id: cart.sales_channel_id,
        shipping_address: cart.shipping_address,
      },
      options: shipping.options,
      requested: input.options,
    })
    return new StepResponse<PreparedShippingMethods>({
      cart,
      methods: shipping.options.map((option) => ({
        name: option.name,
        amount: option.amount,
        is_tax_inclusive: option.is_tax_inclusive,
        shipping_option_id: option.id,
        data: data[option.id] ?? {},
      })),
      replaced_method_ids: shipping.replaced_method_ids,
    })
  },
)
