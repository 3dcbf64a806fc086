import type { CreateProductWorkflowInput } from "../../workflows/product/index.ts"

/** The currencies every demo price is given in. */
export type DemoCurrency = "eur" | "usd"

const ADJECTIVES = ["Classic", "Everyday", "Urban", "Vintage", "Essential", "Coastal", "Alpine", "Studio", "Weekend", "Heritage"]
const MATERIALS = ["Cotton", "Linen", "Wool", "Denim", "Canvas", "Leather", "Fleece", "Bamboo"]
const ITEMS = [
  { noun: "T-Shirt", base: 19 },
  { noun: "Sweatshirt", base: 45 },
  { noun: "Hoodie", base: 55 },
  { noun: "Shorts", base: 29 },
  { noun: "Trousers", base: 59 },
  { noun: "Jacket", base: 89 },
  { noun: "Cap", base: 15 },
  { noun: "Tote Bag", base: 22 },
  { noun: "Scarf", base: 25 },
  { noun: "Socks", base: 9 },
  { noun: "Shirt", base: 39 },
  { noun: "Backpack", base: 69 },
]
const SIZES = ["S", "M", "L"] as const
/** A larger size costs a little more. */
const SIZE_SURCHARGE = { S: 0, M: 0, L: 2 } as const
/** Euros per dollar, for the demo's price list. */
const EUR_PER_USD = 0.9

const kebab = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")

/**
 * The `index`-th product of the demo catalog (from 0): a name out of a small vocabulary, one option
 * "Size" with three values, a variant per size with its sku and a price in each currency,
 * published in `salesChannelId`. The same index always gives the same product.
 */
export function demoProduct(index: number, salesChannelId: string): CreateProductWorkflowInput {
  const item = ITEMS[index % ITEMS.length]!
  const material = MATERIALS[Math.floor(index / ITEMS.length) % MATERIALS.length]!
  const adjective = ADJECTIVES[Math.floor(index / (ITEMS.length * MATERIALS.length)) % ADJECTIVES.length]!
  // Past every combination, names repeat: a number keeps title, handle and skus unique.
  const round = Math.floor(index / (ITEMS.length * MATERIALS.length * ADJECTIVES.length))
  const title = `${adjective} ${material} ${item.noun}${round > 0 ? ` ${round + 1}` : ""}`
  const handle = kebab(title)
  const usd = item.base + (index % 5) * 2
  return {
    title,
    handle,
    subtitle: `${material} ${item.noun.toLowerCase()}`,
    description: `The ${title.toLowerCase()}: ${material.toLowerCase()}, made to last, in three sizes.`,
    status: "published",
    material: material.toLowerCase(),
    options: [{ title: "Size", values: [...SIZES] }],
    variants: SIZES.map((size) => ({
      title: size,
      sku: `${handle}-${size}`.toUpperCase(),
      manage_inventory: true,
      allow_backorder: false,
      options: { Size: size },
      prices: [
        { currency_code: "usd", amount: usd + SIZE_SURCHARGE[size] },
        { currency_code: "eur", amount: Math.round((usd + SIZE_SURCHARGE[size]) * EUR_PER_USD) },
      ],
    })),
    sales_channels: [{ id: salesChannelId }],
  }
}
