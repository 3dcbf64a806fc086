import { afterAll, beforeAll, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { countStatements, wireStatements } from "../../setup/count-statements.ts"
import { orderLine, placeOrder, rejection, startOrderApp } from "./order-app.ts"
import type { OrderApp } from "./order-app.ts"

let t: OrderApp
beforeAll(async () => {
  t = await startOrderApp()
})
afterAll(() => t.close())

const address = { first_name: "Ada", address_1: "1 Analytical Row", city: "London", country_code: "GB" }

const footprint = async () =>
  (
    await t.rows(`select
      (select count(*)::int from "order") as orders, (select count(*)::int from order_address) as addresses,
      (select count(*)::int from order_line_item) as lines, (select count(*)::int from order_shipping_method) as methods`)
  )[0]

test("an order with its addresses, lines and shipping method is one statement, no transaction, its display_id taken by the insert", async () => {
  const [{ last }] = (await t.rows<{ last: number }>(`select coalesce(max(display_id), 0) as last from "order"`)) as [{ last: number }]

  const { result: order, statements } = await wireStatements(() =>
    placeOrder(t.orders, { shipping_address: address, billing_address: { ...address, first_name: "Charles" } }),
  )

  expect(statements).toHaveLength(1)
  expect(statements[0]).toMatch(/^with\s+"new_addresses" as \(insert into "order_address"/)
  expect(statements.join("\n")).not.toMatch(/nextval|^begin|^commit/im)
  expect(order.display_id).toBe(last + 1)
  // Answered from what was written, as a read answers it.
  expect(order).toEqual(await t.orders.retrieveOrder(order.id))
  expect(order).toMatchObject({ shipping_address: { first_name: "Ada", country_code: "gb" }, billing_address: { first_name: "Charles" } })
  expect(order.items).toHaveLength(2)
  expect(order.shipping_methods).toHaveLength(1)
})

test("several orders are one statement too, numbered in the order given", async () => {
  const { result: orders, statements } = await countStatements(t.app.database, () =>
    t.orders.createOrders([
      { currency_code: "usd", email: "one@example.com", shipping_address: address, items: [orderLine()] },
      { currency_code: "usd", email: "two@example.com" },
      { currency_code: "usd", email: "three@example.com", items: [orderLine(), orderLine({ title: "Socks" })], shipping_methods: [{ name: "Standard", amount: 1 }] },
    ]),
  )

  expect(statements).toHaveLength(1)
  expect(orders.map((order) => order.email)).toEqual(["one@example.com", "two@example.com", "three@example.com"])
  expect(orders[1]!.display_id).toBe(orders[0]!.display_id + 1)
  expect(orders[2]!.display_id).toBe(orders[1]!.display_id + 1)
  for (const order of orders) expect(order).toEqual(await t.orders.retrieveOrder(order.id))
})

test("the same statement text whatever the number of parts, so PostgreSQL plans it once", async () => {
  const one = await countStatements(t.app.database, () => t.orders.createOrders({ currency_code: "usd" }))
  const many = await countStatements(t.app.database, () => placeOrder(t.orders, { shipping_address: address }))
  expect(one.statements).toEqual(many.statements)
})

test("an order whose id is taken is refused as a duplicate, and nothing of it is written", async () => {
  const first = await placeOrder(t.orders)
  const before = await footprint()

  const error = await rejection(placeOrder(t.orders, { id: first.id, shipping_address: address }))

  expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
  expect(error.message).toBe(`Order with id: ${first.id} already exists.`)
  expect(await footprint()).toEqual(before)
})

test("an order may point at addresses that exist already", async () => {
  const existing = await t.orders.createOrderAddresses({ first_name: "Kept", country_code: "fr" })

  const order = await t.orders.createOrders({ currency_code: "eur", shipping_address_id: existing.id, billing_address: address })

  expect(order.shipping_address_id).toBe(existing.id)
  // As before: the answer holds the addresses created with the order; a read finds the other one.
  expect(order.shipping_address).toBeNull()
  expect((await t.orders.retrieveOrder(order.id)).shipping_address).toMatchObject({ id: existing.id, first_name: "Kept" })
})

test("fulfilments cannot be given with a new order", async () => {
  const error = await rejection(t.orders.createOrders({ currency_code: "usd", fulfillments: [{ location_id: "sloc_1" }] }))
  expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
  expect(error.message).toContain("createFulfillment")
})

test("no orders to create: nothing is sent", async () => {
  const { result, statements } = await countStatements(t.app.database, () => t.orders.createOrders([]))
  expect(result).toEqual([])
  expect(statements).toEqual([])
})

test("(the round-trip counter sees a transaction's begin and commit)", async () => {
  const order = await placeOrder(t.orders)
  const { statements } = await wireStatements(() => t.orders.completeOrder(order.id))
  expect(statements[0]).toMatch(/^begin/i)
  expect(statements.at(-1)).toMatch(/^commit/i)
})
