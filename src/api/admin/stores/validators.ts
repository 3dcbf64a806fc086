import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { oneOrMany } from "../../utils/query-filters.ts"

export const AdminGetStoreParams = createSelectParams().strict()
export type AdminGetStoreParams = z.infer<typeof AdminGetStoreParams>

export const AdminGetStoresParams = createFindParams({ limit: 50 })
  .extend({ q: z.string().optional(), id: oneOrMany.optional(), name: oneOrMany.optional() })
  .strict()
export type AdminGetStoresParams = z.infer<typeof AdminGetStoresParams>

export const AdminUpdateStore = z
  .object({
    name: z.string().trim().min(1).optional(),
    /** Replaces the store's currencies; at most one is the default. */
    supported_currencies: z
      .array(
        z
          .object({
            currency_code: z.string().regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO 4217 code"),
            is_default: z.boolean().optional(),
          })
          .strict(),
      )
      .optional(),
    default_sales_channel_id: z.string().min(1).nullish(),
    default_region_id: z.string().min(1).nullish(),
    default_location_id: z.string().min(1).nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()
export type AdminUpdateStore = z.infer<typeof AdminUpdateStore>
