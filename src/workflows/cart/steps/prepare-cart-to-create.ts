import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { CartAddressInput } from "../../../modules/cart/index.ts"
import { inRegion } from "../utils/addresses.ts"
import { checkItems } from "../utils/line-items.ts"
import type { CartItemInput, RegionForCart } from "../utils/types.ts"

export type PrepareCartToCreateStepInput = {
  input: {
    currency_code?: string | null
    metadata?: Record<string, unknown> | null
    shipping_address?: CartAddressInput | null
    billing_address?: CartAddressInput | null
    items?: CartItemInput[]
  }
  region: RegionForCart
  sales_channel: { id: string }
}

/** A cart to create, before its customer and lines are known. */
export type CartToCreate = {
  region_id: string
  currency_code: string
  sales_channel_id: string
  metadata: Record<string, unknown> | null
  shipping_address: CartAddressInput | null
  billing_address: CartAddressInput | null
  items: CartItemInput[]
}

/**
 * The cart's region, currency (the region's: another one is refused), sales channel and addresses
 * (the shipping address within the region, its country set when the region has just one), and the
 * requested items, checked.
 */
export const prepareCartToCreateStepId = "prepare-cart-to-create-step"
export const prepareCartToCreateStep = createStep(prepareCartToCreateStepId, async (data: PrepareCartToCreateStepInput) => {
  const { input, region } = data
  if (input.currency_code && input.currency_code.toLowerCase() !== region.currency_code.toLowerCase()) {
    throw new AgoraError(
      AgoraError.Types.INVALID_DATA,
      `Currency code ${input.currency_code} does not match the region's currency code ${region.currency_code}`,
    )
  }
  const [only] = region.countries.length === 1 ? region.countries : []
  const shipping = input.shipping_address ? inRegion(input.shipping_address, region) : only ? { country_code: only } : null
  return new StepResponse<CartToCreate>({
    region_id: region.id,
    currency_code: region.currency_code,
    sales_channel_id: data.sales_channel.id,
    metadata: input.metadata ?? null,
    shipping_address: shipping,
    billing_address: input.billing_address ?? null,
    items: checkItems(input.items),
  })
})
