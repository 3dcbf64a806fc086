import { model } from "../../../framework/modules/index.ts"

/** One row per provider the module was configured with (`<identifier>_<id>`, e.g. `manual_manual`). */
export const FulfillmentProvider = model.define("fulfillment_provider", {
  id: model.id().primaryKey(),
  is_enabled: model.boolean().default(true),
})
