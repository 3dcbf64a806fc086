import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { orderLine, placeOrder, rejection, startOrderApp } from "./order-app.ts"
import type { OrderApp } from "./order-app.ts"

let t: OrderApp
beforeAll(async () => {
  t = await startOrderApp()
})
afterAll(() => t.close())

const address = { first_name: "Ada", address_1: "1 Analytical Row", city: "London", country_code: "GB" }

describe("createOrders", () => {
  test("an order placed from a cart's lines comes back whole: pending, version 1, lines with their detail", async () => {
    // A cart line as the cart module answers it: ids, cart_id and totals are not an order line's fields.
    const cartLine = {
      ...orderLine({ quantity: 2, unit_price: 19.99, variant_option_values: { Size: "M" }, requires_shipping: true }),
      id: "cali_1",
      cart_id: "cart_1",
      subtotal: 39.98,
      total: 39.98,
    }
    const order = await t.orders.createOrders({
      currency_code: "USD",
      region_id: "reg_1",
      customer_id: "cus_1",
      sales_channel_id: "sc_1",
      email: "buyer@example.com",
      shipping_address: address,
      billing_address: address,
      items: [cartLine],
      shipping_methods: [{ name: "Standard", amount: "4.99", shipping_option_id: "so_1", data: { zone: "eu" } }],
    })

    expect(order.id).toMatch(/^order_/)
    expect(order).toMatchObject({
      status: "pending",
      version: 1,
      currency_code: "usd",
      region_id: "reg_1",
      customer_id: "cus_1",
      sales_channel_id: "sc_1",
      email: "buyer@example.com",
      canceled_at: null,
      fulfillment_status: "not_fulfilled",
      fulfillments: [],
    })
    expect(typeof order.display_id).toBe("number")
    expect(order.shipping_address).toMatchObject({ city: "London", country_code: "gb" })
    expect(order.shipping_address?.id).toMatch(/^ordaddr_/)
    expect(order.billing_address?.id).not.toBe(order.shipping_address?.id)

    const [line] = order.items
    expect(line?.id).toMatch(/^ordli_/)
    expect(line).toMatchObject({
      order_id: order.id,
      title: "Medium",
      variant_sku: "TS-M",
      variant_option_values: { Size: "M" },
      quantity: 2,
      unit_price: 19.99,
      subtotal: 39.98,
      total: 39.98,
      detail: {
        quantity: 2,
        fulfilled_quantity: 0,
        shipped_quantity: 0,
        delivered_quantity: 0,
        return_requested_quantity: 0,
        return_received_quantity: 0,
        written_off_quantity: 0,
      },
    })
    expect(line).not.toHaveProperty("cart_id")
    expect(line).not.toHaveProperty("fulfilled_quantity")
    expect(order.shipping_methods).toEqual([
      expect.objectContaining({ name: "Standard", amount: 4.99, shipping_option_id: "so_1", data: { zone: "eu" } }),
    ])
    expect(order.shipping_methods[0]?.id).toMatch(/^ordsm_/)
    expect(order).toMatchObject({ item_total: 39.98, shipping_total: 4.99, total: 44.97 })
    // Answered from what was written, not read back: the same order as a later read gives.
    expect(order).toEqual(await t.orders.retrieveOrder(order.id))
  })

  test("several orders are created at once, answered in the order given", async () => {
    const orders = await t.orders.createOrders([
      { currency_code: "usd", email: "one@example.com" },
      { currency_code: "usd", email: "two@example.com", items: [orderLine()] },
    ])
    expect(orders.map((order) => [order.email, order.items.length])).toEqual([
      ["one@example.com", 0],
      ["two@example.com", 1],
    ])
  })

  test("an order without currency_code is refused, naming the field", async () => {
    const error = await rejection(t.orders.createOrders({ email: "x@example.com" } as never))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toContain("currency_code")
  })

  test("an invalid line refuses the whole order and leaves nothing behind", async () => {
    const counts = () =>
      t.rows(`select (select count(*) from "order")::int as orders, (select count(*) from order_address)::int as addresses`)
    const before = await counts()

    const error = await rejection(
      t.orders.createOrders({ currency_code: "usd", shipping_address: address, items: [orderLine({ unit_price: -3 })] }),
    )
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toContain("unit_price")
    expect(await counts()).toEqual(before)
  })

  test("an unknown status is refused, naming the field", async () => {
    const error = await rejection(t.orders.createOrders({ currency_code: "usd", status: "shipped" as never }))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toContain("status")
  })
})

describe("reads", () => {
  test("an unknown order is not_found, naming the id", async () => {
    const error = await rejection(t.orders.retrieveOrder("order_missing"))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("Order with id: order_missing was not found")
  })

  test("lists filter and count orders; each carries its own parts and statuses", async () => {
    const customer = `cus_${Date.now()}`
    const [a, b] = await Promise.all([
      placeOrder(t.orders, { customer_id: customer }),
      placeOrder(t.orders, { customer_id: customer, items: [orderLine({ unit_price: 1 })] }),
    ])

    const orders = await t.orders.listOrders({ customer_id: customer }, { order: { display_id: "ASC" } })
    expect(orders.map((order) => order.id).sort()).toEqual([a.id, b.id].sort())
    expect(orders.find((order) => order.id === b.id)?.item_total).toBe(1)
    expect(orders.every((order) => order.fulfillment_status === "not_fulfilled")).toBe(true)

    const [page, count] = await t.orders.listAndCountOrders({ customer_id: customer }, { take: 1 })
    expect(count).toBe(2)
    expect(page).toHaveLength(1)
    expect(page[0]?.items.length).toBeGreaterThan(0)
  })

  test("orders are searched by email with q", async () => {
    const email = `findme-${Date.now()}@example.com`
    const order = await placeOrder(t.orders, { email })
    expect((await t.orders.listOrders({ q: "findme-" })).map((o) => o.id)).toContain(order.id)
  })
})

describe("generated CRUD on orders and their parts", () => {
  test("updateOrders changes columns", async () => {
    const order = await placeOrder(t.orders)
    await t.orders.updateOrders({ id: order.id, email: "changed@example.com", metadata: { note: "gift" } })
    expect(await t.orders.retrieveOrder(order.id)).toMatchObject({ email: "changed@example.com", metadata: { note: "gift" } })
  })

  test("listOrderLineItems and updateOrderLineItems work on the lines themselves", async () => {
    const order = await placeOrder(t.orders)
    const lines = await t.orders.listOrderLineItems({ order_id: order.id })
    expect(lines).toHaveLength(2)

    await t.orders.updateOrderLineItems({ id: lines[0]!.id, metadata: { engraving: "A" } })
    const updated = await t.orders.retrieveOrder(order.id)
    expect(updated.items.find((item) => item.id === lines[0]!.id)?.metadata).toEqual({ engraving: "A" })
  })

  test("deleteOrders removes the order with its lines, shipping methods, fulfilments and addresses", async () => {
    const order = await placeOrder(t.orders, { shipping_address: address })
    await t.orders.createFulfillment(order.id, { location_id: "sloc_1", items: [{ line_item_id: order.items[0]!.id, quantity: 1 }] })

    await t.orders.deleteOrders(order.id)

    expect(await t.rows(`select id from "order" where id = ?`, [order.id])).toEqual([])
    expect(await t.rows("select id from order_line_item where order_id = ?", [order.id])).toEqual([])
    expect(await t.rows("select id from order_fulfillment where order_id = ?", [order.id])).toEqual([])
    expect(await t.rows("select id from order_address where id = ?", [order.shipping_address?.id])).toEqual([])
  })

  test("a soft-deleted order is hidden and comes back when restored", async () => {
    const order = await placeOrder(t.orders)
    await t.orders.softDeleteOrders(order.id)
    expect((await rejection(t.orders.retrieveOrder(order.id))).type).toBe(AgoraError.Types.NOT_FOUND)

    await t.orders.restoreOrders(order.id)
    expect((await t.orders.retrieveOrder(order.id)).id).toBe(order.id)
  })
})
