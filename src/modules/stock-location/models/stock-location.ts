import { model } from "../../../framework/modules/index.ts"
import type { InferEntity } from "../../../framework/modules/index.ts"
import { StockLocationAddress } from "./stock-location-address.ts"

/** A warehouse or store that holds stock; inventory levels name it by id. */
export const StockLocation = model.define("stock_location", {
  id: model.id({ prefix: "sloc" }).primaryKey(),
  name: model.text().searchable(),
  address: model.belongsTo<InferEntity<typeof StockLocationAddress>>(() => StockLocationAddress).nullable(),
  metadata: model.json().nullable(),
})
