import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { Order } from "./order.ts"

/** An order line: the cart line's snapshot, and how much of it was fulfilled, shipped, returned. */
export const OrderLineItem = model.define("order_line_item", {
  id: model.id({ prefix: "ordli" }).primaryKey(),
  order: model.belongsTo((): AnyModel => Order),
  title: model.text(),
  subtitle: model.text().nullable(),
  thumbnail: model.text().nullable(),
  quantity: model.number(),
  variant_id: model.text().nullable().index(),
  product_id: model.text().nullable().index(),
  product_title: model.text().nullable(),
  product_description: model.text().nullable(),
  product_subtitle: model.text().nullable(),
  product_type: model.text().nullable(),
  product_collection: model.text().nullable(),
  product_handle: model.text().nullable(),
  variant_sku: model.text().nullable(),
  variant_barcode: model.text().nullable(),
  variant_title: model.text().nullable(),
  variant_option_values: model.json().nullable(),
  requires_shipping: model.boolean().default(true),
  is_discountable: model.boolean().default(true),
  is_tax_inclusive: model.boolean().default(false),
  unit_price: model.bigNumber(),
  compare_at_unit_price: model.bigNumber().nullable(),
  metadata: model.json().nullable(),
  fulfilled_quantity: model.number().default(0),
  shipped_quantity: model.number().default(0),
  delivered_quantity: model.number().default(0),
  return_requested_quantity: model.number().default(0),
  return_received_quantity: model.number().default(0),
  written_off_quantity: model.number().default(0),
})
