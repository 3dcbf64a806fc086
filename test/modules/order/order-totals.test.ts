import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { orderLine, startOrderApp } from "./order-app.ts"
import type { OrderApp } from "./order-app.ts"

let t: OrderApp
beforeAll(async () => {
  t = await startOrderApp()
})
afterAll(() => t.close())

const TOTAL_KEYS = [
  "item_subtotal", "item_total", "item_tax_total", "item_discount_total", "original_item_total",
  "original_item_subtotal", "original_item_tax_total", "shipping_subtotal", "shipping_total", "shipping_tax_total",
  "shipping_discount_total", "original_shipping_total", "original_shipping_subtotal", "original_shipping_tax_total",
  "subtotal", "total", "tax_total", "discount_total", "discount_subtotal", "discount_tax_total", "original_total",
  "original_tax_total", "gift_card_total", "gift_card_tax_total", "credit_line_total",
]

describe("order totals", () => {
  test("0.1 + 0.2 and 3 × 19.99 add up exactly", async () => {
    const order = await t.orders.createOrders({
      currency_code: "usd",
      items: [orderLine({ unit_price: "0.1" }), orderLine({ unit_price: 0.2 }), orderLine({ quantity: 3, unit_price: "19.99" })],
      shipping_methods: [{ name: "Standard", amount: "0.1" }, { name: "Insurance", amount: "0.2" }],
    })

    expect(order).toMatchObject({
      item_subtotal: 60.27,
      item_total: 60.27,
      shipping_subtotal: 0.3,
      shipping_total: 0.3,
      subtotal: 60.57,
      total: 60.57,
      original_total: 60.57,
      tax_total: 0,
      discount_total: 0,
      item_discount_total: 0,
      shipping_discount_total: 0,
    })
    expect(order.items.find((item) => item.quantity === 3)).toMatchObject({ unit_price: 19.99, subtotal: 59.97, total: 59.97 })
  })

  test("12 × 99999999.99 is exactly 1199999999.88", async () => {
    const order = await t.orders.createOrders({
      currency_code: "usd",
      items: [orderLine({ quantity: 12, unit_price: "99999999.99" })],
    })
    expect(order.total).toBe(1199999999.88)
    expect((await t.orders.retrieveOrder(order.id)).item_total).toBe(1199999999.88)
  })

  test("every total of the contract is a JSON number, also on an empty order", async () => {
    const order = await t.orders.createOrders({ currency_code: "usd" })
    for (const key of TOTAL_KEYS) expect(typeof (order as unknown as Record<string, unknown>)[key], key).toBe("number")
  })

  test("a line's fulfilled and refundable totals follow its quantities", async () => {
    const order = await t.orders.createOrders({ currency_code: "usd", items: [orderLine({ quantity: 3, unit_price: "19.99" })] })
    const line = order.items[0]!
    expect(line).toMatchObject({ fulfilled_total: 0, shipped_total: 0, refundable_total: 59.97, refundable_total_per_unit: 19.99 })

    await t.orders.createFulfillment(order.id, { location_id: "sloc_1", items: [{ line_item_id: line.id, quantity: 2 }] })
    const after = await t.orders.retrieveOrder(order.id)
    expect(after.items[0]).toMatchObject({ fulfilled_total: 39.98, shipped_total: 0 })
  })
})
