import { model } from "../../../framework/modules/index.ts"

export const API_KEY_TYPES = ["publishable", "secret"] as const
export type ApiKeyType = (typeof API_KEY_TYPES)[number]

/**
 * A publishable key (`pk_…`, public: it scopes storefront requests to sales channels) or a secret key
 * (`sk_…`, authenticates admin requests). A secret key's `token` column holds its scrypt hash.
 */
export const ApiKey = model.define("api_key", {
  id: model.id({ prefix: "apk" }).primaryKey(),
  token: model.text().unique(),
  salt: model.text(),
  redacted: model.text().index(),
  title: model.text().searchable(),
  type: model.enum(API_KEY_TYPES).index(),
  last_used_at: model.dateTime().nullable(),
  created_by: model.text(),
  revoked_by: model.text().nullable(),
  revoked_at: model.dateTime().nullable(),
  metadata: model.json().nullable(),
})
