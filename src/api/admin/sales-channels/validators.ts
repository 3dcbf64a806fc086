import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { booleanString, dateFilter, oneOrMany } from "../../utils/query-filters.ts"

export const AdminGetSalesChannelParams = createSelectParams().strict()
export type AdminGetSalesChannelParams = z.infer<typeof AdminGetSalesChannelParams>

export const AdminGetSalesChannelsParams = createFindParams({ limit: 20 })
  .extend({
    q: z.string().optional(),
    id: oneOrMany.optional(),
    name: oneOrMany.optional(),
    description: z.string().optional(),
    is_disabled: booleanString().optional(),
    /** Channels selling from these stock locations. */
    location_id: oneOrMany.optional(),
    /** Channels these publishable keys scope the store to. */
    publishable_key_id: oneOrMany.optional(),
    created_at: dateFilter().optional(),
    updated_at: dateFilter().optional(),
    deleted_at: dateFilter().optional(),
  })
  .strict()
export type AdminGetSalesChannelsParams = z.infer<typeof AdminGetSalesChannelsParams>

const metadata = z.record(z.string(), z.unknown()).nullish()

export const AdminCreateSalesChannel = z
  .object({
    name: z.string().trim().min(1),
    description: z.string().nullish(),
    is_disabled: z.boolean().optional(),
    metadata,
  })
  .strict()
export type AdminCreateSalesChannel = z.infer<typeof AdminCreateSalesChannel>

export const AdminUpdateSalesChannel = AdminCreateSalesChannel.partial().strict()
export type AdminUpdateSalesChannel = z.infer<typeof AdminUpdateSalesChannel>
