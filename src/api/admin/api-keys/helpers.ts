import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { checkFieldsReadable } from "../../utils/check-fields.ts"

type Row = Record<string, unknown>
type Read = { filters: Record<string, unknown>; fields: string[]; pagination?: { skip: number; take: number; order: Record<string, "ASC" | "DESC"> | undefined } }

/**
 * Reads keys through Query in the shape the admin API shows them: a secret key's token is stored
 * hashed and shown only when created, so elsewhere `token` is its redacted form. `type` and
 * `redacted` are read for that even when not asked for, then left out again.
 */
export async function readApiKeys(scope: AwilixContainer, read: Read): Promise<{ keys: Row[]; count: number; skip: number; take: number | undefined }> {
  const extra = read.fields.includes("token") ? ["type", "redacted"].filter((field) => !read.fields.includes(field)) : []
  const { data, metadata } = await scope.resolve<Query>("query").graph({ entity: "api_key", fields: [...read.fields, ...extra], filters: read.filters, pagination: read.pagination })
  const keys = data.map((row) => {
    const { salt: _, ...key } = row
    if ("token" in key && key.type === "secret") key.token = key.redacted
    for (const field of extra) delete key[field]
    return key
  })
  return { keys, count: metadata.count, skip: metadata.skip, take: metadata.take }
}

/** One key as `readApiKeys` shows it; not_found otherwise. */
export async function retrieveApiKey(scope: AwilixContainer, id: string, fields: string[]): Promise<Row> {
  const { keys } = await readApiKeys(scope, { filters: { id }, fields, pagination: { skip: 0, take: 1, order: undefined } })
  if (!keys[0]) throw new AgoraError(AgoraError.Types.NOT_FOUND, `API key with id: ${id} was not found`)
  return keys[0]
}

/** Refuses fields Query cannot read before a write (see `checkFieldsReadable`). */
export function checkApiKeyFields(scope: AwilixContainer, fields: string[]): void {
  checkFieldsReadable(scope, "api_key", fields)
}
