import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { booleanString as booleanStringOf, dateFilter as dateFilterOf, oneOrMany } from "../../utils/query-filters.ts"

const dateFilter = dateFilterOf()
const booleanString = booleanStringOf()

/** `variants[sku]=…`, `variants[options][value]=M`: a product matches when one of its variants does. */
const variantFilters = z
  .object({
    id: oneOrMany.optional(),
    title: oneOrMany.optional(),
    sku: oneOrMany.optional(),
    barcode: oneOrMany.optional(),
    ean: oneOrMany.optional(),
    upc: oneOrMany.optional(),
    allow_backorder: booleanString.optional(),
    manage_inventory: booleanString.optional(),
    options: z.object({ value: z.string().optional(), option_id: z.string().optional() }).strict().optional(),
    created_at: dateFilter.optional(),
    updated_at: dateFilter.optional(),
  })
  .strict()

const productColumnFilters = {
  q: z.string().optional(),
  id: oneOrMany.optional(),
  handle: oneOrMany.optional(),
  title: oneOrMany.optional(),
  is_giftcard: booleanString.optional(),
  external_id: oneOrMany.optional(),
  /** Agora's catalog has no collections, types, tags or categories: a product never matches these. */
  collection_id: oneOrMany.optional(),
  type_id: oneOrMany.optional(),
  tag_id: oneOrMany.optional(),
  category_id: oneOrMany.optional(),
  variants: variantFilters.optional(),
  created_at: dateFilter.optional(),
  updated_at: dateFilter.optional(),
}

export type StoreProductFilters = {
  q?: string
  id?: string | string[]
  handle?: string | string[]
  title?: string | string[]
  is_giftcard?: boolean
  external_id?: string | string[]
  collection_id?: string | string[]
  type_id?: string | string[]
  tag_id?: string | string[]
  category_id?: string | string[]
  variants?: z.infer<typeof variantFilters>
  created_at?: z.infer<typeof dateFilter>
  updated_at?: z.infer<typeof dateFilter>
  $and?: StoreProductFilters[]
  $or?: StoreProductFilters[]
}

/** The filters alone, as `$and` / `$or` entries take them. */
const StoreProductFilters: z.ZodType<StoreProductFilters> = z.lazy(() =>
  z
    .object({
      ...productColumnFilters,
      $and: z.array(StoreProductFilters).optional(),
      $or: z.array(StoreProductFilters).optional(),
    })
    .strict(),
)

/** What prices and taxes are worked out for: a region (or a cart's), and the buyer's address for taxes. */
const pricingContextParams = {
  region_id: z.string().optional(),
  country_code: z.string().optional(),
  province: z.string().optional(),
  cart_id: z.string().optional(),
}

export const StoreGetProductParams = createSelectParams().extend(pricingContextParams).strict()
export type StoreGetProductParams = z.infer<typeof StoreGetProductParams>

export const StoreGetProductsParams = createFindParams({ limit: 50 })
  .extend({
    ...productColumnFilters,
    ...pricingContextParams,
    sales_channel_id: oneOrMany.optional(),
    $and: z.array(StoreProductFilters).optional(),
    $or: z.array(StoreProductFilters).optional(),
  })
  .strict()
export type StoreGetProductsParams = z.infer<typeof StoreGetProductsParams>
