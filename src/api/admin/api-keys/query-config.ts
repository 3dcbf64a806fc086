import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const adminApiKeyFields = [
  "id",
  "title",
  "token",
  "redacted",
  "type",
  "last_used_at",
  "updated_at",
  "created_at",
  "created_by",
  "revoked_at",
  "revoked_by",
  "sales_channels.id",
  "sales_channels.name",
]

export const retrieveApiKeyQueryConfig: QueryConfigOptions = { defaults: adminApiKeyFields }

export const listApiKeysQueryConfig: QueryConfigOptions = {
  ...retrieveApiKeyQueryConfig,
  isList: true,
  defaultLimit: 20,
  defaultOrder: "created_at",
}
