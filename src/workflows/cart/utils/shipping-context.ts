import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import type { CartAddress } from "../../../modules/cart/index.ts"
import type { ShippingOptionContext } from "../../../modules/fulfillment/index.ts"

/**
 * Where a cart's options come from: the fulfillment sets of the stock locations of its sales
 * channel, for its shipping address, as the store offers them (enabled in store, not returns).
 */
export async function shippingContextOf(
  query: Query,
  cart: { id: string; sales_channel_id: string | null; shipping_address: CartAddress | null },
): Promise<ShippingOptionContext> {
  const countryCode = cart.shipping_address?.country_code
  if (!countryCode) {
    throw new AgoraError(
      AgoraError.Types.INVALID_DATA,
      `Cart ${cart.id} has no shipping address country: set shipping_address.country_code before choosing a shipping method`,
    )
  }
  return {
    address: {
      country_code: countryCode,
      province_code: cart.shipping_address?.province ?? null,
      city: cart.shipping_address?.city ?? null,
      postal_code: cart.shipping_address?.postal_code ?? null,
    },
    fulfillment_set_ids: cart.sales_channel_id ? await fulfillmentSetsOf(query, cart.sales_channel_id) : [],
    is_return: false,
    enabled_in_store: true,
  }
}

async function fulfillmentSetsOf(query: Query, salesChannelId: string): Promise<string[]> {
  const { data } = await query.graph<{ stock_locations: { fulfillment_sets: { id: string }[] }[] }>({
    entity: "sales_channel",
    fields: ["stock_locations.fulfillment_sets.id"],
    filters: { id: salesChannelId },
  })
  return [...new Set((data[0]?.stock_locations ?? []).flatMap((location) => location.fulfillment_sets.map((set) => set.id)))]
}
