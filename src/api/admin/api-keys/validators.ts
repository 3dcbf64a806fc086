import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { dateFilter, oneOrMany } from "../../utils/query-filters.ts"

export const AdminGetApiKeyParams = createSelectParams().strict()
export type AdminGetApiKeyParams = z.infer<typeof AdminGetApiKeyParams>

export const AdminGetApiKeysParams = createFindParams({ limit: 20 })
  .extend({
    q: z.string().optional(),
    id: oneOrMany.optional(),
    title: oneOrMany.optional(),
    token: oneOrMany.optional(),
    type: z.enum(["publishable", "secret"]).optional(),
    created_at: dateFilter().optional(),
    updated_at: dateFilter().optional(),
    deleted_at: dateFilter().optional(),
    revoked_at: dateFilter().optional(),
  })
  .strict()
export type AdminGetApiKeysParams = z.infer<typeof AdminGetApiKeysParams>

export const AdminCreateApiKey = z.object({ title: z.string().trim().min(1), type: z.enum(["publishable", "secret"]) }).strict()
export type AdminCreateApiKey = z.infer<typeof AdminCreateApiKey>

export const AdminUpdateApiKey = z.object({ title: z.string().trim().min(1) }).strict()
export type AdminUpdateApiKey = z.infer<typeof AdminUpdateApiKey>

export const AdminRevokeApiKey = z.object({ revoke_in: z.number().int().min(0).optional() }).strict()
export type AdminRevokeApiKey = z.infer<typeof AdminRevokeApiKey>

export const AdminBatchApiKeySalesChannels = z
  .object({ add: z.array(z.string().min(1)).optional(), remove: z.array(z.string().min(1)).optional() })
  .strict()
export type AdminBatchApiKeySalesChannels = z.infer<typeof AdminBatchApiKeySalesChannels>
