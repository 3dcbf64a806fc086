import type { AwilixContainer } from "awilix"
import type { QueryConfig } from "../../../framework/http/index.ts"
import { money } from "../../../framework/money/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import type { CalculatedPriceSet, PricingModuleService } from "../../../modules/pricing/index.ts"
import { resolvePricingRegion, wantsPrices } from "./pricing-region.ts"
import type { PricingParams, PricingRegion } from "./pricing-region.ts"
import { placeholderValues, selectStoreProductFields } from "./store-product-fields.ts"

type Row = Record<string, unknown>

type LevelRow = { location_id: string; stocked_quantity: number; reserved_quantity: number }
type ItemLinkRow = { required_quantity: number; inventory_item: { location_levels: LevelRow[] } | null }
type VariantRow = Row & {
  manage_inventory?: boolean
  price_set_link?: { price_set_id: string } | null
  inventory_item_link?: ItemLinkRow[]
  prices?: Row[]
}

export type StoreProductsReadInput = {
  scope: AwilixContainer
  /** `req.queryConfig.fields`. */
  fields: string[]
  /** Product filters, already scoped to the key's sales channels and to published products. */
  filters: Record<string, unknown>
  pagination: Partial<QueryConfig["pagination"]>
  /** The sales channels read (the key's, or those `sales_channel_id` picks): stock counts at their locations. */
  salesChannelIds: string[]
  pricing: PricingParams
}

// Read to work out computed fields, dropped from the answer.
const PRICE_SET_FIELD = "variants.price_set_link.price_set_id"
const STOCK_FIELDS = [
  "variants.manage_inventory",
  "variants.inventory_item_link.required_quantity",
  "variants.inventory_item_link.inventory_item.location_levels.location_id",
  "variants.inventory_item_link.inventory_item.location_levels.stocked_quantity",
  "variants.inventory_item_link.inventory_item.location_levels.reserved_quantity",
]

/**
 * Store products as the storefront sees them: one Query statement for the page (variants' price
 * sets and stock levels included when needed), then at most one statement for prices. The pricing
 * region and the channels' stock locations are looked up while the page is read.
 */
export async function readStoreProducts(input: StoreProductsReadInput): Promise<{ products: Row[]; count: number }> {
  const selection = selectStoreProductFields(input.fields)
  const priced = wantsPrices(input.pricing, selection.calculatedPrice)
  const fields = [...selection.fields]
  if (priced) fields.push(PRICE_SET_FIELD)
  if (selection.inventoryQuantity) fields.push(...STOCK_FIELDS)

  const query = input.scope.resolve<Query>("query")
  const order = { ...input.pagination.order, variants: { variant_rank: "ASC" } }
  const [page, region, locationIds] = await Promise.all([
    query.graph({ entity: "product", fields, filters: input.filters, pagination: { ...input.pagination, order } }),
    priced ? resolvePricingRegion(input.scope, input.pricing) : undefined,
    selection.inventoryQuantity ? stockLocationsOf(query, input.salesChannelIds) : undefined,
  ])
  const variants = page.data.flatMap((product) => (Array.isArray(product.variants) ? (product.variants as VariantRow[]) : []))
  const prices = region ? await calculatedPrices(input.scope, variants, region) : undefined
  const placeholders = placeholderValues(selection.placeholders)

  for (const product of page.data) {
    for (const [name, value] of placeholders) product[name] = value
  }
  for (const variant of variants) {
    if (prices) {
      const priceSetId = variant.price_set_link?.price_set_id
      variant.calculated_price = (priceSetId && prices.get(priceSetId)) || null
      delete variant.price_set_link
    }
    if (locationIds) {
      // Medusa counts stock only for variants that manage it.
      if (variant.manage_inventory) variant.inventory_quantity = inventoryQuantity(variant.inventory_item_link ?? [], locationIds)
      delete variant.inventory_item_link
      if (!selection.showsManageInventory) delete variant.manage_inventory
    }
    if (Array.isArray(variant.prices)) {
      for (const price of variant.prices) if (typeof price.amount === "string") price.amount = money.toAmount(price.amount)
    }
  }
  return { products: page.data, count: page.metadata.count }
}

async function calculatedPrices(scope: AwilixContainer, variants: VariantRow[], region: PricingRegion): Promise<Map<string, CalculatedPriceSet>> {
  const priceSetIds = variants.flatMap((variant) => (variant.price_set_link ? [variant.price_set_link.price_set_id] : []))
  if (priceSetIds.length === 0) return new Map()
  const prices = await scope
    .resolve<PricingModuleService>("pricing")
    .calculatePrices({ id: priceSetIds }, { context: { currency_code: region.currency_code, region_id: region.id } })
  return new Map(prices.map((price) => [price.id, price]))
}

async function stockLocationsOf(query: Query, salesChannelIds: string[]): Promise<Set<string>> {
  const { data } = await query.graph<{ id: string }>({
    entity: "stock_location",
    fields: ["id"],
    filters: { sales_channel_id: salesChannelIds },
  })
  return new Set(data.map((location) => location.id))
}

/**
 * Units of a variant the locations can deliver: for each of its inventory items the units available
 * there (stocked − reserved) divided by what one variant takes, rounded down; the scarcest item
 * decides. A variant without inventory items has none.
 */
function inventoryQuantity(links: ItemLinkRow[], locationIds: Set<string>): number {
  if (links.length === 0) return 0
  let quantity = Infinity
  for (const link of links) {
    let available = 0
    for (const level of link.inventory_item?.location_levels ?? []) {
      if (locationIds.has(level.location_id)) available += level.stocked_quantity - level.reserved_quantity
    }
    quantity = Math.min(quantity, Math.floor(available / Math.max(link.required_quantity, 1)))
  }
  return quantity
}
