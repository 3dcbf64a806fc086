import { AgoraError } from "../../framework/errors/index.ts"
import { ModuleService } from "../../framework/modules/index.ts"
import type { Filters, FindConfig, InferCreateInput, InferEntity, ModuleDependencies } from "../../framework/modules/index.ts"
import { planFulfillment } from "./fulfillment-plan.ts"
import type { FulfillmentItemInput } from "./fulfillment-plan.ts"
import { addressRow, lineItemRow, shippingMethodRow } from "./inputs.ts"
import type { OrderAddressInput } from "./inputs.ts"
import { loadFulfillments, loadOrderDetails } from "./load-details.ts"
import { OrderAddress } from "./models/address.ts"
import { OrderFulfillmentItem } from "./models/fulfillment-item.ts"
import { OrderFulfillment } from "./models/fulfillment.ts"
import { OrderLineItem } from "./models/line-item.ts"
import { Order, ORDER_STATUSES } from "./models/order.ts"
import { OrderShippingMethod } from "./models/shipping-method.ts"
import { orderDetail } from "./order-detail.ts"
import type {
  OrderAddressRow,
  OrderDetail,
  OrderFulfillmentRow,
  OrderFulfillmentDetail,
  OrderLineItemRow,
  OrderRow,
  OrderShippingMethodRow,
} from "./order-detail.ts"

export type CreateOrderInput = Omit<InferCreateInput<typeof Order>, "id" | "display_id"> & {
  id?: string
  shipping_address?: OrderAddressInput | null
  billing_address?: OrderAddressInput | null
}
export type CreateFulfillmentInput = {
  location_id: string
  items: FulfillmentItemInput[]
  provider_id?: string | null
  data?: Record<string, unknown> | null
  metadata?: Record<string, unknown> | null
}
export type OrderFilters = Filters<InferEntity<typeof Order>>
export type OrderFindConfig = FindConfig<InferEntity<typeof Order>>

type CreatedOrder = OrderRow & { items?: OrderLineItemRow[]; shipping_methods?: OrderShippingMethodRow[] }
type CreateOrders = { (data: CreateOrderInput): Promise<OrderDetail>; (data: CreateOrderInput[]): Promise<OrderDetail[]> }
type LineQuantity = "fulfilled_quantity" | "shipped_quantity" | "delivered_quantity"

const OrderServiceBase = ModuleService({
  Order,
  OrderAddress,
  OrderLineItem,
  OrderShippingMethod,
  OrderFulfillment,
  OrderFulfillmentItem,
})
type GeneratedOrderService = InstanceType<typeof OrderServiceBase>

export class OrderModuleService extends OrderServiceBase {
  // The generated CRUD is made of own properties, which a prototype method cannot replace: the order's
  // create, reads and delete are typed here and assigned in the constructor, over the generated ones.
  /** Creates orders with a new display_id each, their addresses, lines and shipping methods. */
  declare createOrders: CreateOrders
  /** An order with its addresses, lines, shipping methods, fulfilments, totals and fulfilment status. */
  declare retrieveOrder: (id: string, config?: OrderFindConfig) => Promise<OrderDetail>
  declare listOrders: (filters?: OrderFilters, config?: OrderFindConfig) => Promise<OrderDetail[]>
  declare listAndCountOrders: (filters?: OrderFilters, config?: OrderFindConfig) => Promise<[OrderDetail[], number]>
  /** Deletes orders with everything they hold, addresses included. */
  declare deleteOrders: (ids: string | string[]) => Promise<void>

  readonly #generated: Pick<GeneratedOrderService, "createOrders" | "listOrders" | "listAndCountOrders" | "deleteOrders">

  constructor(dependencies: ModuleDependencies, options?: Record<string, unknown>) {
    super(dependencies, options)
    const generated: GeneratedOrderService = this
    this.#generated = {
      createOrders: generated.createOrders,
      listOrders: generated.listOrders,
      listAndCountOrders: generated.listAndCountOrders,
      deleteOrders: generated.deleteOrders,
    }
    this.createOrders = this.#createOrders.bind(this)
    this.retrieveOrder = this.#retrieveOrder.bind(this)
    this.listOrders = this.#listOrders.bind(this)
    this.listAndCountOrders = this.#listAndCountOrders.bind(this)
    this.deleteOrders = this.#deleteOrders.bind(this)
  }

  /** Cancels an order whose fulfilments are all canceled. */
  async cancel(orderId: string): Promise<OrderDetail> {
    return this.database.transaction(async () => {
      await this.#lockOpenOrder(orderId)
      const active = await this.listOrderFulfillments({ order_id: orderId, canceled_at: null }, { select: ["id"] })
      if (active.length > 0) {
        throw new AgoraError(AgoraError.Types.NOT_ALLOWED, "All fulfillments must be canceled before canceling an order")
      }
      await this.updateOrders({ id: orderId, status: "canceled", canceled_at: new Date() })
      return this.retrieveOrder(orderId)
    })
  }

  /** Marks an order completed; a canceled order cannot be. */
  async completeOrder(orderId: string): Promise<OrderDetail> {
    return this.database.transaction(async () => {
      await this.#lockOpenOrder(orderId)
      await this.updateOrders({ id: orderId, status: "completed" })
      return this.retrieveOrder(orderId)
    })
  }

  /** Archives an order, whatever its status. */
  async archive(orderId: string): Promise<OrderDetail> {
    return this.database.transaction(async () => {
      await this.#lockOrder(orderId)
      await this.updateOrders({ id: orderId, status: "archived" })
      return this.retrieveOrder(orderId)
    })
  }

  /** Fulfils some of an order's lines from a stock location; refuses to fulfil a line beyond its quantity. */
  async createFulfillment(orderId: string, input: CreateFulfillmentInput): Promise<OrderFulfillmentDetail> {
    if (typeof input?.location_id !== "string" || input.location_id === "") {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, "Fulfillment location_id is required")
    }
    return this.database.transaction(async () => {
      await this.#lockOpenOrder(orderId)
      const lines = await this.listOrderLineItems({ order_id: orderId })
      const plan = planFulfillment(orderId, lines, input.items)
      const fulfillment = await this.createOrderFulfillments({
        order_id: orderId,
        location_id: input.location_id,
        provider_id: input.provider_id ?? null,
        data: input.data ?? null,
        metadata: input.metadata ?? null,
        packed_at: new Date(),
        items: plan.map(({ line, quantity }) => ({
          line_item_id: line.id,
          quantity,
          title: line.variant_title ?? line.title,
          sku: line.variant_sku ?? null,
        })),
      })
      await this.#moveQuantities("fulfilled_quantity", fulfillment.id, 1)
      return this.#fulfillment(fulfillment.id)
    })
  }

  /** Marks a fulfilment shipped; its lines' shipped quantities grow by what it holds. */
  async markShipped(orderId: string, fulfillmentId: string): Promise<OrderFulfillmentDetail> {
    return this.database.transaction(async () => {
      const fulfillment = await this.#activeFulfillment(orderId, fulfillmentId)
      if (fulfillment.shipped_at) throw notAllowed(`Fulfillment ${fulfillmentId} is already shipped`)
      await this.updateOrderFulfillments({ id: fulfillmentId, shipped_at: new Date() })
      await this.#moveQuantities("shipped_quantity", fulfillmentId, 1)
      return this.#fulfillment(fulfillmentId)
    })
  }

  /** Marks a fulfilment delivered; its lines' delivered quantities grow by what it holds. */
  async markDelivered(orderId: string, fulfillmentId: string): Promise<OrderFulfillmentDetail> {
    return this.database.transaction(async () => {
      const fulfillment = await this.#activeFulfillment(orderId, fulfillmentId)
      if (fulfillment.delivered_at) throw notAllowed(`Fulfillment ${fulfillmentId} is already delivered`)
      await this.updateOrderFulfillments({ id: fulfillmentId, delivered_at: new Date() })
      await this.#moveQuantities("delivered_quantity", fulfillmentId, 1)
      return this.#fulfillment(fulfillmentId)
    })
  }

  /** Cancels a fulfilment that has not left yet; its lines can be fulfilled again. */
  async cancelFulfillment(orderId: string, fulfillmentId: string): Promise<OrderFulfillmentDetail> {
    return this.database.transaction(async () => {
      const fulfillment = await this.#activeFulfillment(orderId, fulfillmentId)
      if (fulfillment.shipped_at || fulfillment.delivered_at) {
        throw notAllowed(`Fulfillment ${fulfillmentId} has been shipped and cannot be canceled`)
      }
      await this.updateOrderFulfillments({ id: fulfillmentId, canceled_at: new Date() })
      await this.#moveQuantities("fulfilled_quantity", fulfillmentId, -1)
      return this.#fulfillment(fulfillmentId)
    })
  }

  async #createOrders(data: CreateOrderInput): Promise<OrderDetail>
  async #createOrders(data: CreateOrderInput[]): Promise<OrderDetail[]>
  async #createOrders(data: CreateOrderInput | CreateOrderInput[]): Promise<OrderDetail | OrderDetail[]> {
    const inputs = Array.isArray(data) ? data : [data]
    const orders = await this.database.transaction(async () => {
      const addresses = new Map<string, OrderAddressRow>()
      const rows = []
      for (const input of inputs) rows.push(await this.#orderRow(input, addresses))
      // One sequence value per order, taken in the order given: concurrent creations never share one.
      const allocated = await this.database.execute<{ display_id: number }>(
        "select nextval('order_display_id_seq')::int as display_id from generate_series(1, ?)",
        [rows.length],
      )
      rows.forEach((row, index) => (row.display_id = allocated[index]?.display_id as number))
      // The created rows are the orders: nothing else is written with them, so nothing is read back.
      const created = (await this.#generated.createOrders(rows)) as unknown as CreatedOrder[]
      return created.map(({ items, shipping_methods, ...order }) =>
        orderDetail(order as OrderRow, { items: items ?? [], shipping_methods: shipping_methods ?? [], fulfillments: [], addresses }),
      )
    })
    return Array.isArray(data) ? orders : (orders[0] as OrderDetail)
  }

  async #orderRow(input: CreateOrderInput, addresses: Map<string, OrderAddressRow>): Promise<InferCreateInput<typeof Order>> {
    const { shipping_address, billing_address, items, shipping_methods, ...order } = input
    if (typeof order.currency_code !== "string" || order.currency_code.trim() === "") {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, "Order currency_code is required")
    }
    if (order.status !== undefined && !ORDER_STATUSES.includes(order.status)) {
      throw new AgoraError(
        AgoraError.Types.INVALID_DATA,
        `Order status must be one of ${ORDER_STATUSES.join(", ")}, got ${String(order.status)}`,
      )
    }
    const row: InferCreateInput<typeof Order> = { ...order, display_id: 0, currency_code: order.currency_code.toLowerCase() }
    const created = async (address: OrderAddressInput) => {
      const row = (await this.createOrderAddresses(addressRow(address))) as OrderAddressRow
      addresses.set(row.id, row)
      return row.id
    }
    if (shipping_address) row.shipping_address_id = await created(shipping_address)
    if (billing_address) row.billing_address_id = await created(billing_address)
    if (items) row.items = items.map((item) => lineItemRow(item))
    if (shipping_methods) row.shipping_methods = shipping_methods.map((method) => shippingMethodRow(method))
    return row
  }

  async #retrieveOrder(id: string, config: OrderFindConfig = {}): Promise<OrderDetail> {
    const [order] = await this.#listOrders({ id }, { ...config, take: 1, skip: 0 })
    if (!order) throw orderNotFound(id)
    return order
  }

  async #listOrders(filters: OrderFilters = {}, config: OrderFindConfig = {}): Promise<OrderDetail[]> {
    return this.#details(await this.#generated.listOrders(filters, rowConfig(config)))
  }

  async #listAndCountOrders(filters: OrderFilters = {}, config: OrderFindConfig = {}): Promise<[OrderDetail[], number]> {
    const [orders, count] = await this.#generated.listAndCountOrders(filters, rowConfig(config))
    return [await this.#details(orders), count]
  }

  async #deleteOrders(ids: string | string[]): Promise<void> {
    await this.database.transaction(async () => {
      const orders = await this.#generated.listOrders({ id: Array.isArray(ids) ? ids : [ids] }, { withDeleted: true })
      await this.#generated.deleteOrders(ids)
      const addressIds = orders.flatMap((order) => [order.shipping_address_id, order.billing_address_id])
      await this.deleteOrderAddresses(addressIds.filter((id): id is string => typeof id === "string"))
    })
  }

  #details(orders: OrderRow[]): Promise<OrderDetail[]> {
    return loadOrderDetails(this, orders)
  }

  async #fulfillment(id: string): Promise<OrderFulfillmentDetail> {
    const [fulfillment] = await loadFulfillments(this, { id })
    return fulfillment as OrderFulfillmentDetail
  }

  /** Takes the order's row lock: changes to one order's fulfilments and status run one at a time. */
  async #lockOrder(orderId: string): Promise<{ id: string; status: string }> {
    const [order] = await this.database.execute<{ id: string; status: string }>(
      `select "id", "status" from "order" where "id" = ? and "deleted_at" is null for update`,
      [orderId],
    )
    if (!order) throw orderNotFound(orderId)
    return order
  }

  async #lockOpenOrder(orderId: string): Promise<void> {
    const order = await this.#lockOrder(orderId)
    if (order.status === "canceled") throw notAllowed(`Order with id ${orderId} has been canceled.`)
  }

  /** The order's fulfilment, not canceled, with the order locked. */
  async #activeFulfillment(orderId: string, fulfillmentId: string): Promise<OrderFulfillmentRow> {
    await this.#lockOrder(orderId)
    const [fulfillment] = await this.listOrderFulfillments({ id: fulfillmentId, order_id: orderId })
    if (!fulfillment) {
      throw new AgoraError(
        AgoraError.Types.NOT_FOUND,
        `Fulfillment with id: ${fulfillmentId} was not found in order ${orderId}`,
      )
    }
    if (fulfillment.canceled_at) throw notAllowed(`Fulfillment ${fulfillmentId} is canceled`)
    return fulfillment
  }

  /** Adds (or, with -1, takes back) what a fulfilment holds to one quantity of each of its lines. */
  async #moveQuantities(column: LineQuantity, fulfillmentId: string, sign: 1 | -1): Promise<void> {
    await this.database.execute(
      `update "order_line_item" as li set "${column}" = li."${column}" + ? * fi."quantity", "updated_at" = now()
       from "order_fulfillment_item" as fi
       where fi."fulfillment_id" = ? and fi."line_item_id" = li."id" and fi."deleted_at" is null`,
      [sign, fulfillmentId],
    )
  }
}

/** Order reads always carry their parts, so the relations asked for are loaded whatever they name. */
function rowConfig(config: OrderFindConfig): OrderFindConfig {
  const { relations: _relations, select, ...rest } = config
  if (!select) return rest
  return { ...rest, select: [...new Set([...select, "shipping_address_id", "billing_address_id"] as const)] }
}

function orderNotFound(id: string): AgoraError {
  return new AgoraError(AgoraError.Types.NOT_FOUND, `Order with id: ${id} was not found`)
}

function notAllowed(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.NOT_ALLOWED, message)
}
