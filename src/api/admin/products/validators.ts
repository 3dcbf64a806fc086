import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import type { UpsertPriceInput } from "../../../modules/pricing/index.ts"
import { booleanString, dateFilter, oneOrMany } from "../../utils/query-filters.ts"

const metadata = z.record(z.string(), z.unknown()).nullish()
const additionalData = z.record(z.string(), z.unknown()).optional()
const idRef = z.object({ id: z.string() }).strict()
const statuses = z.enum(["draft", "proposed", "published", "rejected"])
/** Conditions of a price, flattened: `{ region_id: "reg_…" }`. */
const priceRules = z.record(z.string(), z.string())

const measures = {
  weight: z.number().nullish(),
  length: z.number().nullish(),
  height: z.number().nullish(),
  width: z.number().nullish(),
  hs_code: z.string().nullish(),
  mid_code: z.string().nullish(),
  origin_country: z.string().nullish(),
  material: z.string().nullish(),
}

// --- query parameters ---

export const AdminGetProductParams = createSelectParams().strict()
export type AdminGetProductParams = z.infer<typeof AdminGetProductParams>

const variantFilters = z
  .object({
    id: oneOrMany.optional(),
    sku: oneOrMany.optional(),
    title: oneOrMany.optional(),
    ean: oneOrMany.optional(),
    upc: oneOrMany.optional(),
    barcode: oneOrMany.optional(),
    manage_inventory: booleanString().optional(),
    allow_backorder: booleanString().optional(),
  })
  .strict()

export const AdminGetProductsParams = createFindParams({ limit: 50 })
  .extend({
    q: z.string().optional(),
    id: oneOrMany.optional(),
    title: oneOrMany.optional(),
    handle: oneOrMany.optional(),
    status: z.union([statuses, z.array(statuses)]).optional(),
    external_id: oneOrMany.optional(),
    is_giftcard: booleanString().optional(),
    sales_channel_id: oneOrMany.optional(),
    collection_id: oneOrMany.optional(),
    type_id: oneOrMany.optional(),
    tag_id: oneOrMany.optional(),
    category_id: oneOrMany.optional(),
    variants: variantFilters.optional(),
    created_at: dateFilter().optional(),
    updated_at: dateFilter().optional(),
    deleted_at: dateFilter().optional(),
    with_deleted: booleanString().optional(),
  })
  .strict()
export type AdminGetProductsParams = z.infer<typeof AdminGetProductsParams>

export const AdminGetProductVariantParams = createSelectParams().strict()
export type AdminGetProductVariantParams = z.infer<typeof AdminGetProductVariantParams>

export const AdminGetProductVariantsParams = createFindParams({ limit: 50 })
  .extend({
    q: z.string().optional(),
    id: oneOrMany.optional(),
    sku: oneOrMany.optional(),
    title: oneOrMany.optional(),
    manage_inventory: booleanString().optional(),
    allow_backorder: booleanString().optional(),
    created_at: dateFilter().optional(),
    updated_at: dateFilter().optional(),
    deleted_at: dateFilter().optional(),
  })
  .strict()
export type AdminGetProductVariantsParams = z.infer<typeof AdminGetProductVariantsParams>

// --- bodies ---

const AdminCreateVariantPrice = z
  .object({
    currency_code: z.string(),
    amount: z.number(),
    min_quantity: z.number().nullish(),
    max_quantity: z.number().nullish(),
    rules: priceRules.optional(),
  })
  .strict()

/** A price in a variant's new list: with `id` it changes that price, without it is a new one (currency and amount required). */
const AdminUpdateVariantPrice = z
  .object({
    id: z.string().optional(),
    currency_code: z.string().optional(),
    amount: z.number().optional(),
    min_quantity: z.number().nullish(),
    max_quantity: z.number().nullish(),
    rules: priceRules.optional(),
  })
  .strict()
  .superRefine((price, ctx) => {
    if (price.id !== undefined) return
    if (price.currency_code === undefined) ctx.addIssue(missing("currency_code", "string", "A new price needs a currency_code"))
    if (price.amount === undefined) ctx.addIssue(missing("amount", "number", "A new price needs an amount"))
  })
  .transform(({ id, currency_code, amount, ...rest }): UpsertPriceInput =>
    id !== undefined
      ? { ...rest, id, ...(currency_code === undefined ? {} : { currency_code }), ...(amount === undefined ? {} : { amount }) }
      : { ...rest, currency_code: currency_code ?? "", amount: amount ?? 0 },
  )

/** A required field left out, reported as `Field '<path>' is required`. */
function missing(field: string, expected: "string" | "number", message: string) {
  return { code: "invalid_type" as const, expected, input: undefined, path: [field], message }
}

const variantColumns = {
  sku: z.string().nullish(),
  ean: z.string().nullish(),
  upc: z.string().nullish(),
  barcode: z.string().nullish(),
  allow_backorder: z.boolean().optional(),
  manage_inventory: z.boolean().optional(),
  variant_rank: z.number().int().optional(),
  ...measures,
  metadata,
  /** `{ <option title>: <value> }`, one value per option of the product. */
  options: z.record(z.string(), z.string()).optional(),
}

const variantInventoryItem = z
  .object({ inventory_item_id: z.string(), required_quantity: z.number().int().min(1).optional() })
  .strict()

export const AdminCreateProductVariant = z
  .object({
    title: z.string().trim().min(1),
    ...variantColumns,
    prices: z.array(AdminCreateVariantPrice),
    inventory_items: z.array(variantInventoryItem).optional(),
  })
  .strict()
export type AdminCreateProductVariant = z.infer<typeof AdminCreateProductVariant>

export const AdminCreateProductVariantBody = AdminCreateProductVariant.extend({ additional_data: additionalData }).strict()
export type AdminCreateProductVariantBody = z.infer<typeof AdminCreateProductVariantBody>

export const AdminUpdateProductVariant = z
  .object({
    title: z.string().trim().min(1).optional(),
    ...variantColumns,
    prices: z.array(AdminUpdateVariantPrice).optional(),
  })
  .strict()
export type AdminUpdateProductVariant = z.infer<typeof AdminUpdateProductVariant>

export const AdminUpdateProductVariantBody = AdminUpdateProductVariant.extend({ additional_data: additionalData }).strict()
export type AdminUpdateProductVariantBody = z.infer<typeof AdminUpdateProductVariantBody>

/** A variant in a product update: with `id` it changes that variant, without it is a new one (title required). */
const AdminUpsertProductVariant = AdminUpdateProductVariant.extend({
  id: z.string().optional(),
  inventory_items: z.array(variantInventoryItem).optional(),
})
  .strict()
  .superRefine((variant, ctx) => {
    if (variant.id === undefined && variant.title === undefined) {
      ctx.addIssue(missing("title", "string", "A new variant needs a title"))
    }
    // A new variant's prices are all new, even one sent with an id.
    for (const [index, price] of variant.id === undefined ? (variant.prices ?? []).entries() : []) {
      if (price.currency_code === undefined) ctx.addIssue({ ...missing("currency_code", "string", "A new price needs a currency_code"), path: ["prices", index, "currency_code"] })
      if (price.amount === undefined) ctx.addIssue({ ...missing("amount", "number", "A new price needs an amount"), path: ["prices", index, "amount"] })
    }
    if (variant.id !== undefined && variant.inventory_items !== undefined) {
      ctx.addIssue({ code: "custom", path: ["inventory_items"], message: "Only a new variant takes inventory_items" })
    }
  })
export type AdminUpsertProductVariant = z.infer<typeof AdminUpsertProductVariant>

const productColumns = {
  subtitle: z.string().nullish(),
  description: z.string().nullish(),
  is_giftcard: z.boolean().optional(),
  discountable: z.boolean().optional(),
  thumbnail: z.string().nullish(),
  external_id: z.string().nullish(),
  status: statuses.optional(),
  ...measures,
  metadata,
  sales_channels: z.array(idRef).optional(),
  // Accepted for compatibility; the catalog has no images, types, collections, categories or tags yet.
  images: z.array(z.object({ id: z.string().optional(), url: z.string() }).strict()).optional(),
  type_id: z.string().nullish(),
  collection_id: z.string().nullish(),
  categories: z.array(idRef).optional(),
  tags: z.array(idRef).optional(),
  shipping_profile_id: z.string().nullish(),
  additional_data: additionalData,
}

export const AdminCreateProduct = z
  .object({
    title: z.string().trim().min(1),
    handle: z.string().optional(),
    ...productColumns,
    options: z.array(z.object({ title: z.string().trim().min(1), values: z.array(z.string()).min(1) }).strict()).optional(),
    variants: z.array(AdminCreateProductVariant).optional(),
  })
  .strict()
export type AdminCreateProduct = z.infer<typeof AdminCreateProduct>

export const AdminUpdateProduct = z
  .object({
    title: z.string().trim().min(1).optional(),
    handle: z.string().nullish(),
    ...productColumns,
    options: z
      .array(z.object({ id: z.string().optional(), title: z.string().trim().min(1).optional(), values: z.array(z.string()).optional() }).strict())
      .optional(),
    variants: z.array(AdminUpsertProductVariant).optional(),
  })
  .strict()
export type AdminUpdateProduct = z.infer<typeof AdminUpdateProduct>
