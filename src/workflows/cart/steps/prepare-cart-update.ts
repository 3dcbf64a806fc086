import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { CartAddresses, CartAddressInput } from "../../../modules/cart/index.ts"
import { addressValues, inRegion } from "../utils/addresses.ts"
import { readCartWithRegion } from "../utils/read-cart.ts"
import { allInOrder } from "../utils/settle.ts"
import type { CartWithLinks } from "../utils/types.ts"
import { findOneOrAnyRegion } from "./find-one-or-any-region.ts"
import { findSalesChannel } from "./find-sales-channel.ts"
import { getVariantsWithPrices } from "./get-variants-with-prices.ts"
import type { CartUpdate } from "./update-carts.ts"
import type { LineItemUpdate } from "./update-line-items.ts"
import { assertCartValid } from "./validate-cart.ts"
import { assertVariantsPriced } from "./validate-variant-prices.ts"

export type PrepareCartUpdateStepInput = {
  input: {
    id: string
    region_id?: string | null
    sales_channel_id?: string | null
    /** The storefront's publishable key, which a new sales channel must belong to. */
    publishable_key_id?: string | null
    metadata?: Record<string, unknown> | null
    shipping_address?: CartAddressInput | null
    billing_address?: CartAddressInput | null
  }
}

export type PreparedCartUpdate = {
  /** The cart as it is before the update (with its payment collection). */
  cart: CartWithLinks
  update: CartUpdate
  addresses: CartAddresses
  region_changed: boolean
  /** The lines priced again in the new region; none when the region stays. */
  line_items: LineItemUpdate[]
}

/**
 * What an update changes on a cart (Medusa's prepareCartToUpdate), read and checked in one step
 * before anything is written: the cart (not_found, or invalid_data when completed), the region it
 * will be in (`findOneOrAnyRegionStep`), a new sales channel (`findSalesChannelStep`). A new region
 * brings its currency and prices every line again (each must have a price there); a shipping
 * address must be in the region (its country then kept, set when the region has one country, or
 * the address dropped when it is outside the new region).
 */
export const prepareCartUpdateStepId = "prepare-cart-update-step"
export const prepareCartUpdateStep = createStep({ name: prepareCartUpdateStepId, readOnly: true }, async ({ input }: PrepareCartUpdateStepInput, { container }) => {
  const { cart, region: cartRegion } = await readCartWithRegion(container.resolve<Query>("query"), input.id)
  assertCartValid({ cart })
  const sameRegion = !input.region_id || input.region_id === cart.region_id
  const [region, salesChannel] = await allInOrder([
    sameRegion && cartRegion ? Promise.resolve(cartRegion) : findOneOrAnyRegion(container, { region_id: input.region_id || cart.region_id }),
    input.sales_channel_id
      ? findSalesChannel(container, { sales_channel_id: input.sales_channel_id, publishable_key_id: input.publishable_key_id })
      : Promise.resolve(undefined),
  ])

  const update: CartUpdate = { id: cart.id }
  const regionChanged = Boolean(input.region_id) && input.region_id !== cart.region_id
  if (regionChanged) {
    update.region_id = region.id
    update.currency_code = region.currency_code
  }
  if (salesChannel) update.sales_channel_id = salesChannel.id
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

  const lineItems: LineItemUpdate[] = []
  if (regionChanged) {
    // A new region prices every line again: each must have a price there before anything is written.
    const variants = await getVariantsWithPrices(container, {
      variant_ids: cart.items.flatMap((item) => (item.variant_id ? [item.variant_id] : [])),
      currency_code: region.currency_code,
      region_id: region.id,
    })
    assertVariantsPriced(variants)
    for (const item of cart.items) {
      const price = variants.find((variant) => variant.id === item.variant_id)?.calculated_price
      if (price) lineItems.push({ id: item.id, unit_price: price.amount, is_tax_inclusive: price.is_tax_inclusive })
    }
  }
  return new StepResponse<PreparedCartUpdate>({ cart, update, addresses, region_changed: regionChanged, line_items: lineItems })
})
