import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { ProviderIdentity } from "./provider-identity.ts"

/** One person's identity; `app_metadata` holds the actors it is (`{ user_id }`, `{ customer_id }`). */
export const AuthIdentity = model.define("auth_identity", {
  id: model.id({ prefix: "authid" }).primaryKey(),
  app_metadata: model.json().nullable(),
  // Two models that point at each other: one thunk names its return type to break the type cycle.
  provider_identities: model.hasMany((): AnyModel => ProviderIdentity, { mappedBy: "auth_identity" }),
})
