import { model } from "../../../framework/modules/index.ts"
import { AuthIdentity } from "./auth-identity.ts"

/** How an identity signs in with one provider: for emailpass, the email and the password hash. */
export const ProviderIdentity = model
  .define("provider_identity", {
    id: model.id({ prefix: "provid" }).primaryKey(),
    provider: model.text(),
    entity_id: model.text(),
    provider_metadata: model.json().nullable(),
    auth_identity: model.belongsTo(() => AuthIdentity, { mappedBy: "provider_identities" }),
  })
  .indexes([{ on: ["provider", "entity_id"], unique: true }])
