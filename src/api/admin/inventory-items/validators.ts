import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { booleanString, numberFilter, oneOrMany } from "../../utils/query-filters.ts"

// --- query parameters ---

export const AdminGetInventoryItemParams = createSelectParams().strict()
export type AdminGetInventoryItemParams = z.infer<typeof AdminGetInventoryItemParams>

export const AdminGetInventoryItemsParams = createFindParams({ limit: 20 })
  .extend({
    q: z.string().optional(),
    id: oneOrMany.optional(),
    sku: oneOrMany.optional(),
    origin_country: oneOrMany.optional(),
    mid_code: oneOrMany.optional(),
    hs_code: oneOrMany.optional(),
    material: oneOrMany.optional(),
    requires_shipping: booleanString().optional(),
    weight: numberFilter().optional(),
    length: numberFilter().optional(),
    height: numberFilter().optional(),
    width: numberFilter().optional(),
    location_levels: z.object({ location_id: oneOrMany.optional() }).strict().optional(),
  })
  .strict()
export type AdminGetInventoryItemsParams = z.infer<typeof AdminGetInventoryItemsParams>

export const AdminGetInventoryLocationLevelsParams = createFindParams({ limit: 50 })
  .extend({ location_id: oneOrMany.optional() })
  .strict()
export type AdminGetInventoryLocationLevelsParams = z.infer<typeof AdminGetInventoryLocationLevelsParams>

/** The batch answers with the levels it wrote: it takes no query parameters. */
export const AdminBatchInventoryItemLocationLevelsParams = z.object({}).strict()

// --- bodies ---

const quantity = z.number().int().min(0)

export const AdminCreateInventoryLocationLevel = z
  .object({ location_id: z.string().min(1), stocked_quantity: quantity.optional(), incoming_quantity: quantity.optional() })
  .strict()
export type AdminCreateInventoryLocationLevel = z.infer<typeof AdminCreateInventoryLocationLevel>

export const AdminUpdateInventoryLocationLevel = z
  .object({ stocked_quantity: quantity.optional(), incoming_quantity: quantity.optional() })
  .strict()
export type AdminUpdateInventoryLocationLevel = z.infer<typeof AdminUpdateInventoryLocationLevel>

export const AdminBatchInventoryItemLocationLevels = z
  .object({
    create: z.array(AdminCreateInventoryLocationLevel).optional(),
    /** Levels named by location (`id`, when sent, is not needed). */
    update: z
      .array(
        z
          .object({ id: z.string().optional(), location_id: z.string().min(1), stocked_quantity: quantity.optional(), incoming_quantity: quantity.optional() })
          .strict(),
      )
      .optional(),
    /** Ids of levels to delete. */
    delete: z.array(z.string()).optional(),
    /** Delete levels that still hold stock. */
    force: z.boolean().optional(),
  })
  .strict()
export type AdminBatchInventoryItemLocationLevels = z.infer<typeof AdminBatchInventoryItemLocationLevels>

export const AdminCreateInventoryItem = z
  .object({
    sku: z.string().nullish(),
    title: z.string().nullish(),
    description: z.string().nullish(),
    thumbnail: z.string().nullish(),
    requires_shipping: z.boolean().optional(),
    hs_code: z.string().nullish(),
    origin_country: z.string().nullish(),
    mid_code: z.string().nullish(),
    material: z.string().nullish(),
    weight: z.number().nullish(),
    length: z.number().nullish(),
    height: z.number().nullish(),
    width: z.number().nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    location_levels: z.array(AdminCreateInventoryLocationLevel).optional(),
  })
  .strict()
export type AdminCreateInventoryItem = z.infer<typeof AdminCreateInventoryItem>
