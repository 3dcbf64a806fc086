import { model } from "../../../framework/modules/index.ts"
import type { InferEntity } from "../../../framework/modules/index.ts"
import { FulfillmentAddress } from "./fulfillment-address.ts"
import { FulfillmentItem } from "./fulfillment-item.ts"
import { FulfillmentLabel } from "./fulfillment-label.ts"
import { FulfillmentProvider } from "./fulfillment-provider.ts"
import { ShippingOption } from "./shipping-option.ts"

/** Items leaving a stock location together through a provider; its dates say how far it got. */
export const Fulfillment = model.define("fulfillment", {
  id: model.id({ prefix: "ful" }).primaryKey(),
  location_id: model.text(),
  packed_at: model.dateTime().nullable(),
  shipped_at: model.dateTime().nullable(),
  delivered_at: model.dateTime().nullable(),
  canceled_at: model.dateTime().nullable(),
  /** What the provider returned when the fulfillment was created. */
  data: model.json().nullable(),
  requires_shipping: model.boolean().default(true),
  marked_shipped_by: model.text().nullable(),
  created_by: model.text().nullable(),
  metadata: model.json().nullable(),
  provider: model.belongsTo(() => FulfillmentProvider).nullable(),
  shipping_option: model.belongsTo(() => ShippingOption).nullable(),
  delivery_address: model.belongsTo<InferEntity<typeof FulfillmentAddress>>(() => FulfillmentAddress).nullable(),
  items: model.hasMany<InferEntity<typeof FulfillmentItem>>(() => FulfillmentItem),
  labels: model.hasMany<InferEntity<typeof FulfillmentLabel>>(() => FulfillmentLabel),
})
