import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { oneOrMany } from "../../utils/query-filters.ts"

export const AdminGetStockLocationParams = createSelectParams().strict()
export type AdminGetStockLocationParams = z.infer<typeof AdminGetStockLocationParams>

export const AdminGetStockLocationsParams = createFindParams({ limit: 20 })
  .extend({
    q: z.string().optional(),
    id: oneOrMany.optional(),
    name: oneOrMany.optional(),
    address_id: oneOrMany.optional(),
    /** Locations the sales channels sell from. */
    sales_channel_id: oneOrMany.optional(),
  })
  .strict()
export type AdminGetStockLocationsParams = z.infer<typeof AdminGetStockLocationsParams>

const metadata = z.record(z.string(), z.unknown()).nullish()

const Address = z
  .object({
    address_1: z.string().trim().min(1),
    address_2: z.string().nullish(),
    company: z.string().nullish(),
    city: z.string().nullish(),
    country_code: z.string().regex(/^[a-zA-Z]{2}$/, "must be a two-letter ISO 3166-1 code"),
    phone: z.string().nullish(),
    postal_code: z.string().nullish(),
    province: z.string().nullish(),
    metadata,
  })
  .strict()

export const AdminCreateStockLocation = z
  .object({ name: z.string().trim().min(1), address: Address.optional(), address_id: z.string().min(1).nullish(), metadata })
  .strict()
export type AdminCreateStockLocation = z.infer<typeof AdminCreateStockLocation>

export const AdminUpdateStockLocation = z
  .object({ name: z.string().trim().min(1).optional(), address: Address.optional(), address_id: z.string().min(1).nullish(), metadata })
  .strict()
export type AdminUpdateStockLocation = z.infer<typeof AdminUpdateStockLocation>

/** Links to add and remove, by id of the other side. */
export const AdminBatchLink = z.object({ add: z.array(z.string().min(1)).optional(), remove: z.array(z.string().min(1)).optional() }).strict()
export type AdminBatchLink = z.infer<typeof AdminBatchLink>

export const AdminCreateStockLocationFulfillmentSet = z.object({ name: z.string().trim().min(1), type: z.enum(["shipping", "pickup"]) }).strict()
export type AdminCreateStockLocationFulfillmentSet = z.infer<typeof AdminCreateStockLocationFulfillmentSet>
