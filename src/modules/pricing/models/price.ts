import { model } from "../../../framework/modules/index.ts"
import type { AnyModel, InferEntity } from "../../../framework/modules/index.ts"
import { PriceRule } from "./price-rule.ts"
import { PriceSet } from "./price-set.ts"

/** An amount in the currency's main unit, for quantities in [min_quantity, max_quantity] (null: open). */
export const Price = model
  .define("price", {
    id: model.id({ prefix: "price" }).primaryKey(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    min_quantity: model.number().nullable(),
    max_quantity: model.number().nullable(),
    // Models that point at each other: the thunk names its return type to break the type cycle.
    price_set: model.belongsTo((): AnyModel => PriceSet, { mappedBy: "prices" }),
    price_rules: model.hasMany<InferEntity<typeof PriceRule>>(() => PriceRule, { mappedBy: "price" }),
  })
  .indexes([{ on: ["price_set_id", "currency_code"] }])
