import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { dateFilter, oneOrMany } from "../../utils/query-filters.ts"

export const AdminGetUserParams = createSelectParams().strict()
export type AdminGetUserParams = z.infer<typeof AdminGetUserParams>

export const AdminGetUsersParams = createFindParams({ limit: 50 })
  .extend({
    q: z.string().optional(),
    id: oneOrMany.optional(),
    email: oneOrMany.optional(),
    first_name: oneOrMany.optional(),
    last_name: oneOrMany.optional(),
    created_at: dateFilter().optional(),
    updated_at: dateFilter().optional(),
    deleted_at: dateFilter().optional(),
  })
  .strict()
export type AdminGetUsersParams = z.infer<typeof AdminGetUsersParams>

export const AdminUpdateUser = z
  .object({
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    avatar_url: z.string().nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()
export type AdminUpdateUser = z.infer<typeof AdminUpdateUser>
