import { model } from "../../../framework/modules/index.ts"

/** One row per provider the module was configured with (`pp_<identifier>_<id>`), for regions to link to. */
export const PaymentProvider = model.define("payment_provider", {
  id: model.id().primaryKey(),
  is_enabled: model.boolean().default(true),
})
