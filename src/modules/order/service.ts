import { mapDatabaseError } from "../../framework/database/index.ts"
import { AgoraError } from "../../framework/errors/index.ts"
import { inListedOrder, ModuleService } from "../../framework/modules/index.ts"
import type { Filters, FindConfig, InferEntity, ModuleDependencies } from "../../framework/modules/index.ts"
import { planFulfillment } from "./fulfillment-plan.ts"
import type { FulfillmentItemInput } from "./fulfillment-plan.ts"
import type { CreateOrderInput } from "./inputs.ts"
import { OrderAddress } from "./models/address.ts"
import { OrderFulfillmentItem } from "./models/fulfillment-item.ts"
import { OrderFulfillment } from "./models/fulfillment.ts"
import { OrderLineItem } from "./models/line-item.ts"
import { Order } from "./models/order.ts"
import { OrderShippingMethod } from "./models/shipping-method.ts"
import { isOrderColumn } from "./order-columns.ts"
import type { OrderDetail, OrderFulfillmentDetail, OrderFulfillmentRow } from "./order-detail.ts"
import { createdOrderDetail, INSERT_ORDERS_SQL, insertOrdersParams, newOrder } from "./order-insert.ts"
import { fulfillmentDetailSql, orderDetailSql, reviveFulfillment, reviveOrder } from "./order-read.ts"

export type { CreateOrderInput }
export type CreateFulfillmentInput = {
  location_id: string
  items: FulfillmentItemInput[]
  provider_id?: string | null
  data?: Record<string, unknown> | null
  metadata?: Record<string, unknown> | null
}
export type OrderFilters = Filters<InferEntity<typeof Order>>
export type OrderFindConfig = FindConfig<InferEntity<typeof Order>>

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

  readonly #generated: Pick<GeneratedOrderService, "listOrders" | "listAndCountOrders" | "deleteOrders">

  constructor(dependencies: ModuleDependencies, options?: Record<string, unknown>) {
    super(dependencies, options)
    const generated: GeneratedOrderService = this
    this.#generated = {
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
    const now = new Date()
    const created = (Array.isArray(data) ? data : [data]).map((input) => newOrder(input, now))
    const numbered = created.length > 0 ? await this.#insertOrders(insertOrdersParams(created)) : []
    const displayIds = new Map(numbered.map((row) => [row.id, row.display_id]))
    // The rows written are the orders: nothing is read back.
    const orders = created.map((order) => createdOrderDetail(order, displayIds.get(order.order.id as string) as number))
    return Array.isArray(data) ? orders : (orders[0] as OrderDetail)
  }

  async #insertOrders(params: string[]): Promise<{ id: string; display_id: number }[]> {
    try {
      return await this.database.execute<{ id: string; display_id: number }>(INSERT_ORDERS_SQL, params)
    } catch (error) {
      throw mapDatabaseError(error, "Order")
    }
  }

  async #retrieveOrder(id: string, config: OrderFindConfig = {}): Promise<OrderDetail> {
    if (typeof id !== "string" || id === "") throw orderNotFound(String(id))
    const [order] = await this.#listOrders({ id }, { ...config, take: 1, skip: 0 })
    if (!order) throw orderNotFound(id)
    return order
  }

  async #listOrders(filters: OrderFilters = {}, config: OrderFindConfig = {}): Promise<OrderDetail[]> {
    const ids = idsOnly(filters)
    if (ids && config.order === undefined && (config.select ?? []).every(isOrderColumn)) {
      // By id, the common read: the orders with all their parts in one statement.
      return this.#byIds(ids, config)
    }
    return this.#inOrder(await this.#generated.listOrders(filters, idConfig(config)), config)
  }

  async #listAndCountOrders(filters: OrderFilters = {}, config: OrderFindConfig = {}): Promise<[OrderDetail[], number]> {
    const [orders, count] = await this.#generated.listAndCountOrders(filters, idConfig(config))
    return [await this.#inOrder(orders, config), count]
  }

  async #deleteOrders(ids: string | string[]): Promise<void> {
    await this.database.transaction(async () => {
      const orders = await this.#generated.listOrders({ id: Array.isArray(ids) ? ids : [ids] }, { withDeleted: true })
      await this.#generated.deleteOrders(ids)
      const addressIds = orders.flatMap((order) => [order.shipping_address_id, order.billing_address_id])
      await this.deleteOrderAddresses(addressIds.filter((id): id is string => typeof id === "string"))
    })
  }

  /** Orders by id with their parts: one statement. */
  async #byIds(ids: string[], config: OrderFindConfig = {}): Promise<OrderDetail[]> {
    if (ids.length === 0) return []
    const { sql, params } = orderDetailSql({ ids, select: config.select, withDeleted: config.withDeleted, take: config.take, skip: config.skip })
    const rows = await this.database.execute<{ order: Record<string, unknown> }>(sql, params)
    return rows.map((row) => reviveOrder(row.order))
  }

  /** The details of orders a list found, in the list's order (the list cut the page). */
  async #inOrder(orders: { id: string }[], config: OrderFindConfig): Promise<OrderDetail[]> {
    const details = await this.#byIds(
      orders.map((order) => order.id),
      { select: config.select, withDeleted: config.withDeleted },
    )
    return inListedOrder(orders, details)
  }

  /** A fulfilment with its items: one statement. */
  async #fulfillment(id: string): Promise<OrderFulfillmentDetail> {
    const { sql, params } = fulfillmentDetailSql([id])
    const [row] = await this.database.execute<{ fulfillment: Record<string, unknown> }>(sql, params)
    return reviveFulfillment(row?.fulfillment as Record<string, unknown>)
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

/**
 * A list of the ids of the orders a find matches, in its order and page: the details are read by id
 * after. The columns asked for are named, so that the generated list refuses an unknown one. Order
 * reads always carry their parts, so the relations asked for are read whatever they name.
 */
function idConfig(config: OrderFindConfig): OrderFindConfig {
  const { relations: _relations, select, ...rest } = config
  return { ...rest, select: select?.length ? select : ["id"] }
}

/** The ids of a filter on nothing but `id` (one id or a list of them). */
function idsOnly(filters: OrderFilters): string[] | undefined {
  const keys = Object.keys(filters).filter((key) => (filters as Record<string, unknown>)[key] !== undefined)
  if (keys.length !== 1 || keys[0] !== "id") return undefined
  const id: unknown = filters.id
  if (typeof id === "string") return [id]
  if (Array.isArray(id) && id.every((value) => typeof value === "string")) return id
  return undefined
}

function orderNotFound(id: string): AgoraError {
  return new AgoraError(AgoraError.Types.NOT_FOUND, `Order with id: ${id} was not found`)
}

function notAllowed(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.NOT_ALLOWED, message)
}
