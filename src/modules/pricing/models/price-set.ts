import { model } from "../../../framework/modules/index.ts"
import type { InferEntity } from "../../../framework/modules/index.ts"
import { Price } from "./price.ts"

/** The prices of one priced thing (a variant, through a link), in any currencies, regions and quantities. */
export const PriceSet = model.define("price_set", {
  id: model.id({ prefix: "pset" }).primaryKey(),
  prices: model.hasMany<InferEntity<typeof Price>>(() => Price, { mappedBy: "price_set" }),
})
