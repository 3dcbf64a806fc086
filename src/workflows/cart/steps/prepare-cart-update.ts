import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { CartAddress, CartAddresses, CartAddressInput } from "../../../modules/cart/index.ts"
import { addressValues, inRegion } from "../utils/addresses.ts"
import type { RegionForCart } from "../utils/types.ts"
import type { CartUpdate } from "./update-carts.ts"

export type PrepareCartUpdateStepInput = {
  input: {
    region_id?: string | null
    sales_channel_id?: string | null
    metadata?: Record<string, unknown> | null
    shipping_address?: CartAddressInput | null
    billing_address?: CartAddressInput | null
  }
  cart: { id: string; region_id: string | null; shipping_address: CartAddress | null }
  /** The region the cart will be in (the new one, or its current one). */
  region: RegionForCart
  sales_channel?: { id: string } | undefined
}

export type PreparedCartUpdate = { update: CartUpdate; addresses: CartAddresses; region_changed: boolean }

/**
 * What an update changes on the cart (Medusa's prepareCartToUpdate): a new region brings its
 * currency; a shipping address must be in the region (its country then kept, set when the region
 * has one country, or the address dropped when it is outside the new region).
 */
export const prepareCartUpdateStepId = "prepare-cart-update-step"
export const prepareCartUpdateStep = createStep(prepareCartUpdateStepId, async (data: PrepareCartUpdateStepInput) => {
  const { input, cart, region } = data
  const update: CartUpdate = { id: cart.id }
  const regionChanged = Boolean(input.region_id) && input.region_id !== cart.region_id
  if (regionChanged) {
    update.region_id = region.id
    update.currency_code = region.currency_code
  }
  if (data.sales_channel) update.sales_channel_id = data.sales_channel.id
  if (input.metadata !== undefined) update.metadata = input.metadata

  const addresses: CartAddresses = {}
  if (input.shipping_address !== undefined) {
    addresses.shipping_address = input.shipping_address === null ? null : inRegion(input.shipping_address, region)
  } else if (regionChanged) {
    const current = cart.shipping_address
    const [only] = region.countries.length === 1 ? region.countries : []
    if (only) addresses.shipping_address = { ...addressValues(current), country_code: only }
    else if (current?.country_code && !region.countries.includes(current.country_code)) addresses.shipping_address = null
  }
  if (input.billing_address !== undefined) addresses.billing_address = input.billing_address
  return new StepResponse<PreparedCartUpdate>({ update, addresses, region_changed: regionChanged })
})
