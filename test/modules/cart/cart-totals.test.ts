import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { lineItem, startCartApp } from "./cart-app.ts"
import type { CartApp } from "./cart-app.ts"

let t: CartApp
beforeAll(async () => {
  t = await startCartApp()
})
afterAll(() => t.close())

const TOTAL_KEYS = [
  "item_subtotal", "item_total", "item_tax_total", "original_item_total", "original_item_subtotal",
  "original_item_tax_total", "shipping_subtotal", "shipping_total", "shipping_tax_total", "original_shipping_total",
  "original_shipping_subtotal", "original_shipping_tax_total", "subtotal", "total", "tax_total", "discount_total",
  "discount_subtotal", "discount_tax_total", "original_total", "original_tax_total", "gift_card_total",
  "gift_card_tax_total", "credit_line_total",
]

describe("cart totals", () => {
  test("0.1 + 0.2 is exactly 0.3", async () => {
    const cart = await t.carts.createCarts({
      currency_code: "usd",
      items: [lineItem({ unit_price: 0.1 }), lineItem({ unit_price: "0.2" })],
    })

    expect(cart.item_subtotal).toBe(0.3)
    expect(cart.total).toBe(0.3)
  })

  test("3 × 19.99 is exactly 59.97, plus 4.99 shipping is 64.96", async () => {
    const cart = await t.carts.createCarts({
      currency_code: "usd",
      items: [lineItem({ quantity: 3, unit_price: 19.99 })],
      shipping_methods: [{ name: "Standard", amount: 4.99 }],
    })

    expect(cart.items[0]).toMatchObject({
      unit_price: 19.99,
      subtotal: 59.97,
      total: 59.97,
      original_total: 59.97,
      item_subtotal: 59.97,
      item_total: 59.97,
      tax_total: 0,
      discount_total: 0,
    })
    expect(cart).toMatchObject({
      item_subtotal: 59.97,
      item_total: 59.97,
      original_item_total: 59.97,
      shipping_subtotal: 4.99,
      shipping_total: 4.99,
      original_shipping_total: 4.99,
      subtotal: 64.96,
      total: 64.96,
      original_total: 64.96,
      tax_total: 0,
      discount_total: 0,
    })
  })

  test("12 × 99999999.99 is exactly 1199999999.88, and stays exact in the database", async () => {
    const cart = await t.carts.createCarts({
      currency_code: "usd",
      items: [lineItem({ quantity: 12, unit_price: "99999999.99" })],
      shipping_methods: [{ name: "Freight", amount: "0.12" }],
    })

    expect(cart.item_total).toBe(1199999999.88)
    expect(cart.total).toBe(1200000000)
    const [row] = await t.rows<{ total: string }>(
      "select sum(unit_price * quantity)::text as total from cart_line_item where cart_id = ?",
      [cart.id],
    )
    expect(row?.total).toBe("1199999999.88")
  })

  test("every total of the contract is present and a JSON number, also on an empty cart", async () => {
    const cart = await t.carts.createCarts({ currency_code: "usd" })

    for (const key of TOTAL_KEYS) expect(typeof (cart as unknown as Record<string, unknown>)[key], key).toBe("number")
    expect(JSON.parse(JSON.stringify(cart))).toMatchObject({ total: 0, subtotal: 0 })
  })

  test("totals follow the lines: list reads compute them per cart", async () => {
    const email = `totals-${Date.now()}@example.com`
    await t.carts.createCarts([
      { currency_code: "usd", email, items: [lineItem({ quantity: 2, unit_price: 0.15 })] },
      { currency_code: "usd", email, shipping_methods: [{ name: "Standard", amount: 0.7 }] },
    ])

    const carts = await t.carts.listCarts({ email })
    expect(carts.map((cart) => cart.total).sort()).toEqual([0.3, 0.7])
  })
})
