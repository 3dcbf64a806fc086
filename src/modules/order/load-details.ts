import { orderDetail } from "./order-detail.ts"
import type { OrderAddressRow, OrderDetail, OrderFulfillmentDetail, OrderRow } from "./order-detail.ts"
import type { OrderModuleService } from "./service.ts"

type Reader = Pick<
  OrderModuleService,
  "listOrderLineItems" | "listOrderShippingMethods" | "listOrderAddresses" | "listOrderFulfillments" | "listOrderFulfillmentItems"
>
type FulfillmentFilters = Parameters<OrderModuleService["listOrderFulfillments"]>[0]

const BY_CREATION = { order: { created_at: "ASC" as const } }

/** Loads the orders' parts in a fixed number of queries, whatever the number of orders. */
export async function loadOrderDetails(reader: Reader, orders: OrderRow[]): Promise<OrderDetail[]> {
  if (orders.length === 0) return []
  const orderIds = orders.map((order) => order.id)
  const addressIds = orders
    .flatMap((order) => [order.shipping_address_id, order.billing_address_id])
    .filter((id): id is string => typeof id === "string")
  const [items, methods, addresses, fulfillments] = await Promise.all([
    reader.listOrderLineItems({ order_id: orderIds }, BY_CREATION),
    reader.listOrderShippingMethods({ order_id: orderIds }, BY_CREATION),
    reader.listOrderAddresses({ id: addressIds }),
    loadFulfillments(reader, { order_id: orderIds }),
  ])
  const addressById = new Map<string, OrderAddressRow>(addresses.map((address) => [address.id, address]))
  return orders.map((order) =>
    orderDetail(order, {
      items: items.filter((item) => item.order_id === order.id),
      shipping_methods: methods.filter((method) => method.order_id === order.id),
      fulfillments: fulfillments.filter((fulfillment) => fulfillment.order_id === order.id),
      addresses: addressById,
    }),
  )
}

/** Fulfilments with their items. */
export async function loadFulfillments(reader: Reader, filters: FulfillmentFilters): Promise<OrderFulfillmentDetail[]> {
  const fulfillments = await reader.listOrderFulfillments(filters, BY_CREATION)
  if (fulfillments.length === 0) return []
  const items = await reader.listOrderFulfillmentItems(
    { fulfillment_id: fulfillments.map((fulfillment) => fulfillment.id) },
    BY_CREATION,
  )
  return fulfillments.map((fulfillment) => ({
    ...fulfillment,
    items: items.filter((item) => item.fulfillment_id === fulfillment.id),
  }))
}
