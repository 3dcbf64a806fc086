import type { Database } from "../../../src/framework/database/index.ts"
import { ModuleService } from "../../../src/framework/modules/index.ts"
import type { OrderDetail, OrderFilters, OrderFindConfig } from "../../../src/modules/order/index.ts"
import { OrderAddress } from "../../../src/modules/order/models/address.ts"
import { OrderFulfillmentItem } from "../../../src/modules/order/models/fulfillment-item.ts"
import { OrderFulfillment } from "../../../src/modules/order/models/fulfillment.ts"
import { OrderLineItem } from "../../../src/modules/order/models/line-item.ts"
import { Order } from "../../../src/modules/order/models/order.ts"
import { OrderShippingMethod } from "../../../src/modules/order/models/shipping-method.ts"
import { orderDetail } from "../../../src/modules/order/order-detail.ts"
import type { OrderRow } from "../../../src/modules/order/order-detail.ts"

/** The order module's models with nothing but the generated CRUD. */
const Generated = ModuleService({ Order, OrderAddress, OrderLineItem, OrderShippingMethod, OrderFulfillment, OrderFulfillmentItem })

const BY_CREATION = { order: { created_at: "ASC" as const } }

/**
 * Orders as the order module read them before an order was one statement: the order rows, then the
 * lines, shipping methods, addresses and fulfilments (then their items) each in a statement of its own.
 */
export async function readPartByPart(database: Database, filters: OrderFilters, config: OrderFindConfig = {}): Promise<OrderDetail[]> {
  const generated = new Generated({ database })
  const { relations: _relations, select, ...rest } = config
  const rowConfig = select ? { ...rest, select: [...new Set([...select, "shipping_address_id", "billing_address_id"] as const)] } : rest
  const orders = (await generated.listOrders(filters, rowConfig)) as OrderRow[]
  if (orders.length === 0) return []
  const orderIds = orders.map((order) => order.id)
  const addressIds = orders.flatMap((order) => [order.shipping_address_id, order.billing_address_id]).filter((id): id is string => typeof id === "string")
  const [items, methods, addresses, fulfillments] = await Promise.all([
    generated.listOrderLineItems({ order_id: orderIds }, BY_CREATION),
    generated.listOrderShippingMethods({ order_id: orderIds }, BY_CREATION),
    generated.listOrderAddresses({ id: addressIds }),
    generated.listOrderFulfillments({ order_id: orderIds }, BY_CREATION),
  ])
  const fulfillmentItems = fulfillments.length
    ? await generated.listOrderFulfillmentItems({ fulfillment_id: fulfillments.map((fulfillment) => fulfillment.id) }, BY_CREATION)
    : []
  const address = (id: string | null | undefined) => addresses.find((candidate) => candidate.id === id) ?? null
  return orders.map((order) =>
    orderDetail(order, {
      items: items.filter((item) => item.order_id === order.id),
      shipping_methods: methods.filter((method) => method.order_id === order.id),
      fulfillments: fulfillments
        .filter((fulfillment) => fulfillment.order_id === order.id)
        .map((fulfillment) => ({ ...fulfillment, items: fulfillmentItems.filter((item) => item.fulfillment_id === fulfillment.id) })),
      shipping_address: address(order.shipping_address_id),
      billing_address: address(order.billing_address_id),
    }),
  )
}
