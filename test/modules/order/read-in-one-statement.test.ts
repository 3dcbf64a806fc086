import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { OrderDetail } from "../../../src/modules/order/index.ts"
import { countStatements, wireStatements } from "../../setup/count-statements.ts"
import { orderLine, placeOrder, rejection, startOrderApp } from "./order-app.ts"
import type { OrderApp } from "./order-app.ts"
import { readPartByPart } from "./part-by-part.ts"

let t: OrderApp
beforeAll(async () => {
  t = await startOrderApp()
})
afterAll(() => t.close())

const counted = <T>(work: () => Promise<T>) => countStatements(t.app.database, work)

/**
 * An order with every kind of part: two addresses (the billing one soft-deleted), three lines, two
 * shipping methods (one soft-deleted), and fulfilments delivered, canceled and packed.
 */
async function richOrder(customerId = `cus_${Math.random()}`): Promise<OrderDetail> {
  const order = await placeOrder(t.orders, {
    customer_id: customerId,
    metadata: { gift: true, note: "ring twice" },
    shipping_address: { first_name: "Ada", address_1: "1 Analytical Row", city: "London", country_code: "GB", metadata: { floor: 2 } },
    billing_address: { first_name: "Charles", city: "London", country_code: "gb" },
    items: [
      orderLine({ quantity: 3, unit_price: "1199999999.88", compare_at_unit_price: 1299999999.99, variant_option_values: { Size: "M" } }),
      orderLine({ title: "Socks", variant_title: null, variant_sku: null, unit_price: 5, metadata: { pair: "left" } }),
      orderLine({ title: "Hat", quantity: 2, unit_price: 12.3, requires_shipping: false }),
    ],
    shipping_methods: [
      { name: "Standard", amount: 4.5, shipping_option_id: "so_1", data: { zone: "eu" } },
      { name: "Express", amount: "9.99" },
    ],
  })
  const [shirt, socks, hat] = order.items
  const delivered = await t.orders.createFulfillment(order.id, { location_id: "sloc_1", items: [{ line_item_id: shirt!.id, quantity: 2 }] })
  await t.orders.markShipped(order.id, delivered.id)
  await t.orders.markDelivered(order.id, delivered.id)
  const canceled = await t.orders.createFulfillment(order.id, { location_id: "sloc_2", items: [{ line_item_id: socks!.id, quantity: 1 }] })
  await t.orders.cancelFulfillment(order.id, canceled.id)
  await t.orders.createFulfillment(order.id, {
    location_id: "sloc_1",
    provider_id: "manual_manual",
    data: { box: "large" },
    items: [
      { line_item_id: hat!.id, quantity: 1 },
      { line_item_id: socks!.id, quantity: 1 },
    ],
  })
  await t.orders.softDeleteOrderShippingMethods(order.shipping_methods[1]!.id)
  await t.orders.softDeleteOrderAddresses(order.billing_address!.id)
  return t.orders.retrieveOrder(order.id)
}

describe("an order is read in one statement", () => {
  test("an order with all its parts: one statement, the answer the part-by-part read gave", async () => {
    const order = await richOrder()

    const { result, statements } = await counted(() => t.orders.retrieveOrder(order.id))

    expect(statements).toHaveLength(1)
    expect(result).toEqual((await readPartByPart(t.app.database, { id: order.id }))[0])
    expect(result.items.map((item) => item.title)).toEqual(["Medium", "Socks", "Hat"])
    expect(result.items[0]).toMatchObject({ unit_price: 1199999999.88, detail: { fulfilled_quantity: 2, shipped_quantity: 2, delivered_quantity: 2 } })
    expect(result.shipping_methods.map((method) => method.name)).toEqual(["Standard"])
    expect(result.billing_address).toBeNull()
    expect(result.shipping_address).toMatchObject({ country_code: "gb", metadata: { floor: 2 } })
    expect(result.fulfillments.map((fulfillment) => fulfillment.items.length)).toEqual([1, 1, 2])
    expect(result.fulfillments[0]!.delivered_at).toBeInstanceOf(Date)
    expect(result.fulfillment_status).toBe("partially_delivered")
  })

  test("no transaction either: one round trip to PostgreSQL", async () => {
    const order = await placeOrder(t.orders)

    const { statements } = await wireStatements(() => t.orders.retrieveOrder(order.id))

    expect(statements).toHaveLength(1)
  })

  test("an order without addresses, lines or shipping methods reads the same both ways", async () => {
    const order = await t.orders.createOrders({ currency_code: "eur" })

    const { result, statements } = await counted(() => t.orders.retrieveOrder(order.id))

    expect(statements).toHaveLength(1)
    expect(result).toEqual((await readPartByPart(t.app.database, { id: order.id }))[0])
    expect(result).toMatchObject({ items: [], shipping_methods: [], fulfillments: [], shipping_address: null, total: 0 })
  })

  test("several orders by id: one statement, in id order, each with its own parts; a page of them too", async () => {
    const orders = await Promise.all([richOrder(), placeOrder(t.orders), t.orders.createOrders({ currency_code: "usd" })])
    const ids = orders.map((order) => order.id)

    const { result, statements } = await counted(() => t.orders.listOrders({ id: ids }))
    expect(statements).toHaveLength(1)
    expect(result).toEqual(await readPartByPart(t.app.database, { id: ids }))
    expect(result.map((order) => order.id)).toEqual([...ids].sort())

    const page = await counted(() => t.orders.listOrders({ id: ids }, { take: 2, skip: 1 }))
    expect(page.statements).toHaveLength(1)
    expect(page.result).toEqual(await readPartByPart(t.app.database, { id: ids }, { take: 2, skip: 1 }))
  })

  test("an unknown id: one statement, not_found naming it", async () => {
    const { result, statements } = await counted(() => rejection(t.orders.retrieveOrder("order_nowhere")))
    expect(statements).toHaveLength(1)
    expect(result.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(result.message).toBe("Order with id: order_nowhere was not found")
    expect(await t.orders.listOrders({ id: "order_nowhere" })).toEqual([])
  })

  test("the columns asked for, and soft-deleted orders when asked, read as before", async () => {
    const order = await richOrder()

    const narrow = await counted(() => t.orders.retrieveOrder(order.id, { select: ["email", "status"] }))
    expect(narrow.statements).toHaveLength(1)
    expect(narrow.result).toEqual((await readPartByPart(t.app.database, { id: order.id }, { select: ["email", "status"] }))[0])
    expect(narrow.result).not.toHaveProperty("currency_code")

    await t.orders.softDeleteOrders(order.id)
    expect((await rejection(t.orders.retrieveOrder(order.id))).type).toBe(AgoraError.Types.NOT_FOUND)
    const deleted = await counted(() => t.orders.retrieveOrder(order.id, { withDeleted: true }))
    expect(deleted.statements).toHaveLength(1)
    expect(deleted.result).toEqual((await readPartByPart(t.app.database, { id: order.id }, { withDeleted: true }))[0])
    expect(deleted.result.deleted_at).toBeInstanceOf(Date)
  })

  test("a column that orders do not have is refused as before", async () => {
    const order = await placeOrder(t.orders)
    const error = await rejection(t.orders.retrieveOrder(order.id, { select: ["colour" as never] }))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe("order has no field colour")
  })
})

describe("lists by other filters: the matching ids, then the orders in one statement", () => {
  test("listOrders: two statements, the list's order, the answers the part-by-part read gave", async () => {
    const customer = `cus_${Math.random()}`
    const orders = [await richOrder(customer), await placeOrder(t.orders, { customer_id: customer }), await richOrder(customer)]

    const { result, statements } = await counted(() => t.orders.listOrders({ customer_id: customer }, { order: { display_id: "DESC" } }))

    expect(statements).toHaveLength(2)
    expect(result.map((order) => order.id)).toEqual(orders.map((order) => order.id).reverse())
    expect(result).toEqual(await readPartByPart(t.app.database, { customer_id: customer }, { order: { display_id: "DESC" } }))
  })

  test("listAndCountOrders: two statements, a page and the count of every match", async () => {
    const customer = `cus_${Math.random()}`
    await Promise.all([placeOrder(t.orders, { customer_id: customer }), richOrder(customer), placeOrder(t.orders, { customer_id: customer })])
    const config = { take: 2, skip: 1, order: { created_at: "ASC" as const } }

    const { result, statements } = await counted(() => t.orders.listAndCountOrders({ customer_id: customer }, config))

    expect(statements).toHaveLength(2)
    const [page, count] = result
    expect(count).toBe(3)
    expect(page).toEqual(await readPartByPart(t.app.database, { customer_id: customer }, config))
  })
})

describe("fulfilments are answered in one statement", () => {
  test("the fulfilment createFulfillment, markShipped and cancelFulfillment answer is the order's own", async () => {
    const order = await placeOrder(t.orders)
    const items = order.items.map((item) => ({ line_item_id: item.id, quantity: 1 }))

    const created = await t.orders.createFulfillment(order.id, { location_id: "sloc_1", items })
    expect([created]).toEqual((await t.orders.retrieveOrder(order.id)).fulfillments)
    const shipped = await t.orders.markShipped(order.id, created.id)
    expect([shipped]).toEqual((await t.orders.retrieveOrder(order.id)).fulfillments)

    const again = await t.orders.createFulfillment(order.id, { location_id: "sloc_1", items: [{ line_item_id: order.items[0]!.id, quantity: 1 }] })
    const canceled = await t.orders.cancelFulfillment(order.id, again.id)
    expect((await t.orders.retrieveOrder(order.id)).fulfillments).toEqual([shipped, canceled])
    expect(canceled.items).toHaveLength(1)
  })
})
