import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { dateFilter, oneOrMany } from "../../utils/query-filters.ts"

export const AdminGetRegionParams = createSelectParams().strict()
export type AdminGetRegionParams = z.infer<typeof AdminGetRegionParams>

export const AdminGetRegionsParams = createFindParams({ limit: 50 })
  .extend({
    q: z.string().optional(),
    id: oneOrMany.optional(),
    name: oneOrMany.optional(),
    currency_code: oneOrMany.optional(),
    created_at: dateFilter().optional(),
    updated_at: dateFilter().optional(),
    deleted_at: dateFilter().optional(),
  })
  .strict()
export type AdminGetRegionsParams = z.infer<typeof AdminGetRegionsParams>

const countryCode = z.string().regex(/^[a-zA-Z]{2}$/, "must be a two-letter ISO 3166-1 code")
const metadata = z.record(z.string(), z.unknown()).nullish()

export const AdminCreateRegion = z
  .object({
    name: z.string().trim().min(1),
    currency_code: z.string().regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO 4217 code"),
    countries: z.array(countryCode).optional(),
    automatic_taxes: z.boolean().optional(),
    is_tax_inclusive: z.boolean().optional(),
    payment_providers: z.array(z.string().min(1)).optional(),
    metadata,
  })
  .strict()
export type AdminCreateRegion = z.infer<typeof AdminCreateRegion>

export const AdminUpdateRegion = AdminCreateRegion.partial().strict()
export type AdminUpdateRegion = z.infer<typeof AdminUpdateRegion>
