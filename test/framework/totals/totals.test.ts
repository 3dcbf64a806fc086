import { describe, expect, test } from "vitest"
import { computeTotals } from "../../../src/framework/totals/index.ts"

describe("computeTotals", () => {
  test("nothing to add up gives zero everywhere", () => {
    const { items, shipping_methods, totals } = computeTotals({ items: [], shipping_methods: [] })

    expect(items).toEqual([])
    expect(shipping_methods).toEqual([])
    for (const [key, value] of Object.entries(totals)) expect(value, key).toBe(0)
  })

  test("sums decimals exactly where floats would not: 0.1 + 0.2, 3 × 19.99, 12 × 99999999.99", () => {
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(computeTotals({ items: [{ unit_price: 0.1, quantity: 1 }, { unit_price: 0.2, quantity: 1 }], shipping_methods: [] }).totals.total).toBe(0.3)
    expect(0.1 * 3).not.toBe(0.3)
    expect(computeTotals({ items: [{ unit_price: 0.1, quantity: 3 }], shipping_methods: [] }).totals.total).toBe(0.3)
    expect(computeTotals({ items: [{ unit_price: "19.99", quantity: 3 }], shipping_methods: [] }).totals.item_total).toBe(59.97)
    expect(computeTotals({ items: [{ unit_price: "99999999.99", quantity: 12 }], shipping_methods: [] }).totals.total).toBe(1199999999.88)
  })

  test("keeps each line's fields and adds its totals", () => {
    const { items, shipping_methods } = computeTotals({
      items: [{ id: "cali_1", unit_price: "2.5", quantity: 4 }],
      shipping_methods: [{ id: "casm_1", amount: "5.05" }],
    })

    expect(items[0]).toEqual({
      id: "cali_1",
      unit_price: "2.5",
      quantity: 4,
      subtotal: 10,
      total: 10,
      original_subtotal: 10,
      original_total: 10,
      discount_subtotal: 0,
      discount_tax_total: 0,
      discount_total: 0,
      tax_total: 0,
      original_tax_total: 0,
      item_subtotal: 10,
      item_total: 10,
      item_tax_total: 0,
    })
    expect(shipping_methods[0]).toMatchObject({ id: "casm_1", amount: "5.05", subtotal: 5.05, total: 5.05, original_total: 5.05 })
  })

  test("document totals split items from shipping and add them up", () => {
    const { totals } = computeTotals({
      items: [{ unit_price: "19.99", quantity: 3 }, { unit_price: "0.01", quantity: 1 }],
      shipping_methods: [{ amount: "4.99" }, { amount: 0.01 }],
    })

    expect(totals).toMatchObject({
      item_subtotal: 59.98,
      item_total: 59.98,
      original_item_total: 59.98,
      original_item_subtotal: 59.98,
      shipping_subtotal: 5,
      shipping_total: 5,
      original_shipping_total: 5,
      subtotal: 64.98,
      total: 64.98,
      original_total: 64.98,
      tax_total: 0,
      discount_total: 0,
      item_discount_total: 0,
      shipping_discount_total: 0,
      gift_card_total: 0,
      credit_line_total: 0,
    })
  })

  test("an order line's quantities give its fulfilled, shipped and refundable totals", () => {
    const { items } = computeTotals({
      items: [
        {
          unit_price: "19.99",
          quantity: 5,
          detail: {
            fulfilled_quantity: 3,
            shipped_quantity: 2,
            delivered_quantity: 1,
            return_requested_quantity: 1,
            return_received_quantity: 1,
            written_off_quantity: 0,
          },
        },
      ],
      shipping_methods: [],
    })

    expect(items[0]).toMatchObject({
      fulfilled_total: 59.97,
      shipped_total: 39.98,
      delivered_total: 19.99,
      return_requested_total: 19.99,
      return_received_total: 19.99,
      write_off_total: 0,
      refundable_total: 59.97,
      refundable_total_per_unit: 19.99,
    })
  })

  test("a line without detail carries no quantity totals", () => {
    const { items } = computeTotals({ items: [{ unit_price: 1, quantity: 1 }], shipping_methods: [] })
    expect(items[0]).not.toHaveProperty("fulfilled_total")
  })
})
