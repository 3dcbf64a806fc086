import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { dateFilter, oneOrMany } from "../../utils/query-filters.ts"

export const AdminGetShippingProfileParams = createSelectParams().strict()
export type AdminGetShippingProfileParams = z.infer<typeof AdminGetShippingProfileParams>

export const AdminGetShippingProfilesParams = createFindParams({ limit: 20 })
  .extend({
    q: z.string().optional(),
    id: oneOrMany.optional(),
    name: oneOrMany.optional(),
    type: oneOrMany.optional(),
    created_at: dateFilter().optional(),
    updated_at: dateFilter().optional(),
    deleted_at: dateFilter().optional(),
  })
  .strict()
export type AdminGetShippingProfilesParams = z.infer<typeof AdminGetShippingProfilesParams>

export const AdminCreateShippingProfile = z
  .object({ name: z.string().trim().min(1), type: z.string().trim().min(1), metadata: z.record(z.string(), z.unknown()).nullish() })
  .strict()
export type AdminCreateShippingProfile = z.infer<typeof AdminCreateShippingProfile>
