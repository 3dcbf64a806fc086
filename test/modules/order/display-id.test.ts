import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startOrderApp } from "./order-app.ts"
import type { OrderApp } from "./order-app.ts"

let t: OrderApp
beforeAll(async () => {
  t = await startOrderApp()
})
afterAll(() => t.close())

describe("display_id", () => {
  test("the first orders of a database are numbered 1, 2, 3", async () => {
    const first = await t.orders.createOrders({ currency_code: "usd" })
    const second = await t.orders.createOrders({ currency_code: "usd" })
    const third = await t.orders.createOrders({ currency_code: "usd" })

    expect([first.display_id, second.display_id, third.display_id]).toEqual([1, 2, 3])
  })

  test("orders created together are numbered in the order given", async () => {
    const orders = await t.orders.createOrders([
      { currency_code: "usd", email: "a@example.com" },
      { currency_code: "usd", email: "b@example.com" },
      { currency_code: "usd", email: "c@example.com" },
    ])

    const [a, b, c] = orders.map((order) => order.display_id)
    expect(b).toBe(a! + 1)
    expect(c).toBe(b! + 1)
  })

  test("30 orders created concurrently get 30 distinct numbers, each one above every earlier order", async () => {
    const [{ max }] = (await t.rows<{ max: number }>(`select max(display_id) as max from "order"`)) as [{ max: number }]

    const orders = await Promise.all(
      Array.from({ length: 30 }, (_, n) => t.orders.createOrders({ currency_code: "usd", email: `concurrent-${n}@example.com` })),
    )

    const numbers = orders.map((order) => order.display_id)
    expect(new Set(numbers).size).toBe(30)
    expect(Math.min(...numbers)).toBeGreaterThan(max)
    const stored = await t.rows<{ display_id: number }>(
      `select display_id from "order" where email like 'concurrent-%' order by display_id`,
    )
    expect(stored.map((row) => row.display_id)).toEqual([...numbers].sort((x, y) => x - y))
  })

  test("a failed creation does not leave a duplicate behind: later orders keep increasing", async () => {
    const before = await t.orders.createOrders({ currency_code: "usd" })
    await t.orders.createOrders({ currency_code: "usd", items: [{ title: "", quantity: 1, unit_price: 1 }] }).catch(() => undefined)
    const after = await t.orders.createOrders({ currency_code: "usd" })

    expect(after.display_id).toBeGreaterThan(before.display_id)
  })

  test("a row inserted without the service still takes its number from the same sequence", async () => {
    const last = await t.orders.createOrders({ currency_code: "usd" })
    const [row] = await t.rows<{ display_id: number }>(
      `insert into "order" (id, currency_code) values ('order_raw', 'usd') returning display_id`,
    )
    const next = await t.orders.createOrders({ currency_code: "usd" })

    expect(row?.display_id).toBe(last.display_id + 1)
    expect(next.display_id).toBe(last.display_id + 2)
  })
})
