import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CART_MODULE } from "../../../modules/cart/index.ts"
import type { CartAddress, CartAddresses, CartModuleService } from "../../../modules/cart/index.ts"
import { addressValues } from "../utils/addresses.ts"

export type SetCartAddressesStepInput = {
  id: string
  /**
   * The cart's addresses as the workflow read them under the cart's lock: what compensation sets
   * back, without reading them again (a read after a crash could see this step's own change).
   */
  current?: { shipping_address: CartAddress | null; billing_address: CartAddress | null }
} & CartAddresses

/**
 * Replaces (object) or removes (null) a cart's shipping and billing addresses; a key left out is
 * kept, and with neither given the step skips itself. Compensation sets back the addresses it had,
 * with the same values.
 */
export const setCartAddressesStepId = "set-cart-addresses-step"
export const setCartAddressesStep = createStep(
  setCartAddressesStepId,
  async (input: SetCartAddressesStepInput, { container }) => {
    const service = container.resolve<CartModuleService>(CART_MODULE)
    const changes: CartAddresses = {}
    if (input.shipping_address !== undefined) changes.shipping_address = input.shipping_address
    if (input.billing_address !== undefined) changes.billing_address = input.billing_address
    if (Object.keys(changes).length === 0) return StepResponse.skip()
    const cart = input.current ?? (await service.retrieveCart(input.id))
    const previous: SetCartAddressesStepInput = { id: input.id }
    if (changes.shipping_address !== undefined) previous.shipping_address = addressValues(cart.shipping_address)
    if (changes.billing_address !== undefined) previous.billing_address = addressValues(cart.billing_address)
    await service.replaceAddresses(input.id, changes)
    return new StepResponse(undefined, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const { id, ...addresses } = previous
    await container.resolve<CartModuleService>(CART_MODULE).replaceAddresses(id, addresses)
  },
)
