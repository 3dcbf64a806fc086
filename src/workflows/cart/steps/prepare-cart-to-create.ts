import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { CartAddressInput, CartLineItemInput } from "../../../modules/cart/index.ts"
import { inRegion } from "../utils/addresses.ts"
import { allInOrder } from "../utils/settle.ts"
import { checkItems, lineItemActions, lineItemData, variantQuantities } from "../utils/line-items.ts"
import type { CartItemInput, RegionForCart } from "../utils/types.ts"
import { findOneOrAnyRegion } from "./find-one-or-any-region.ts"
import { findSalesChannel } from "./find-sales-channel.ts"
import type { SalesChannelForCart } from "./find-sales-channel.ts"
import { checkedVariantsWithPrices, readVariantsForCart } from "./get-variants-with-prices.ts"

export type PrepareCartToCreateStepInput = {
  input: {
    region_id?: string | null
    currency_code?: string | null
    sales_channel_id?: string | null
    publishable_key_id?: string | null
    metadata?: Record<string, unknown> | null
    shipping_address?: CartAddressInput | null
    billing_address?: CartAddressInput | null
    items?: CartItemInput[]
  }
}

/** A cart to create, before its customer is known: its lines priced for its region. */
export type CartToCreate = {
  region_id: string
  currency_code: string
  sales_channel_id: string
  metadata: Record<string, unknown> | null
  shipping_address: CartAddressInput | null
  billing_address: CartAddressInput | null
  items: CartLineItemInput[]
}

export type PreparedCartToCreate = { cart: CartToCreate; region: RegionForCart; sales_channel: SalesChannelForCart }

/**
 * Everything a new cart is checked against before anything is written, in one step: its sales
 * channel (`findSalesChannelStep`) and region (`findOneOrAnyRegionStep`), its currency (the
 * region's: another one is refused), its addresses (the shipping address within the region, its
 * country set when the region has just one), and its items: checked, their variants sold in the
 * channel and priced for the region, their stock confirmed at the channel's locations, and merged
 * into the lines to create.
 */
export const prepareCartToCreateStepId = "prepare-cart-to-create-step"
export const prepareCartToCreateStep = createStep({ name: prepareCartToCreateStepId, readOnly: true }, async ({ input }: PrepareCartToCreateStepInput, { container }) => {
  // The variants are read beside the channel and region; the items are refused, and the variants
  // checked, after them, as one check after the other would.
  const checkedItems = new Promise<CartItemInput[]>((resolve) => resolve(checkItems(input.items)))
  const read = checkedItems.then((items) => readVariantsForCart(container, items.map((item) => item.variant_id)))
  for (const pending of [checkedItems, read]) pending.catch(() => {})
  const [salesChannel, region] = await allInOrder([
    findSalesChannel(container, { sales_channel_id: input.sales_channel_id, publishable_key_id: input.publishable_key_id }),
    findOneOrAnyRegion(container, { region_id: input.region_id }),
  ])
  if (input.currency_code && input.currency_code.toLowerCase() !== region.currency_code.toLowerCase()) {
    throw new AgoraError(
      AgoraError.Types.INVALID_DATA,
      `Currency code ${input.currency_code} does not match the region's currency code ${region.currency_code}`,
    )
  }
  const [only] = region.countries.length === 1 ? region.countries : []
  const shipping = input.shipping_address ? inRegion(input.shipping_address, region) : only ? { country_code: only } : null
  const items = await checkedItems
  const variants = await checkedVariantsWithPrices(
    container,
    read,
    { currency_code: region.currency_code, region_id: region.id },
    {
      sales_channel: { sales_channel_id: salesChannel.id },
      prices: true,
      inventory: { sales_channel_id: salesChannel.id, items: variantQuantities([], items) },
    },
  )
  const lines = items.map((item) => lineItemData(variants.find((variant) => variant.id === item.variant_id)!, item.quantity, item.metadata))

  return new StepResponse<PreparedCartToCreate>({
    cart: {
      region_id: region.id,
      currency_code: region.currency_code,
      sales_channel_id: salesChannel.id,
      metadata: input.metadata ?? null,
      shipping_address: shipping,
      billing_address: input.billing_address ?? null,
      items: lineItemActions([], lines).itemsToCreate,
    },
    region,
    sales_channel: salesChannel,
  })
})
