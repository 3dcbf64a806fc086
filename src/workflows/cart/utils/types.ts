import type { CartAddressInput, CartDetail } from "../../../modules/cart/index.ts"

/** A line a storefront asks for: a variant, how many, and metadata that keeps it apart from other lines. */
export type CartItemInput = {
  variant_id: string
  quantity: number
  metadata?: Record<string, unknown> | null
}

/** A variant with what a cart line needs of it: its product, price for the cart, and inventory. */
export type VariantForCart = {
  id: string
  title: string
  sku: string | null
  barcode: string | null
  manage_inventory: boolean
  allow_backorder: boolean
  /** Option title → value (`{ Size: "M" }`). */
  option_values: Record<string, string>
  product: {
    id: string
    title: string
    subtitle: string | null
    description: string | null
    handle: string
    status: string
    thumbnail: string | null
    discountable: boolean
    sales_channel_ids: string[]
  }
  /** The price for the cart's currency and region, as a decimal; null when there is none. */
  calculated_price: { amount: string; is_tax_inclusive: boolean } | null
  inventory_items: { inventory_item_id: string; required_quantity: number; requires_shipping: boolean }[]
}

export type PaymentCollectionOfCart = {
  id: string
  amount: string
  currency_code: string
  status: string
  payment_sessions: { id: string }[]
}

/** A cart with its addresses, lines, shipping methods, totals, and its payment collection (through the link). */
export type CartWithLinks = CartDetail & { payment_collection: PaymentCollectionOfCart | null }

export type RegionForCart = {
  id: string
  name: string
  currency_code: string
  /** ISO 3166-1 alpha-2 codes, lowercase. */
  countries: string[]
}

export type AddressInput = CartAddressInput
