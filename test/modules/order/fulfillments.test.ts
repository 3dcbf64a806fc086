import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { orderLine, placeOrder, rejection, startOrderApp } from "./order-app.ts"
import type { OrderApp } from "./order-app.ts"

let t: OrderApp
beforeAll(async () => {
  t = await startOrderApp()
})
afterAll(() => t.close())

/** An order of 2 shirts (line `shirt`) and 1 pair of socks (line `socks`). */
async function order() {
  const placed = await placeOrder(t.orders)
  const shirt = placed.items.find((item) => item.title === "Medium")!
  const socks = placed.items.find((item) => item.title === "Socks")!
  return { order: placed, shirt, socks }
}

const detailOf = async (orderId: string, lineId: string) =>
  (await t.orders.retrieveOrder(orderId)).items.find((item) => item.id === lineId)?.detail

describe("createFulfillment", () => {
  test("fulfils lines from a location: the fulfilment holds them and their fulfilled quantity grows", async () => {
    const { order: placed, shirt, socks } = await order()

    const fulfillment = await t.orders.createFulfillment(placed.id, {
      location_id: "sloc_1",
      provider_id: "manual_manual",
      items: [
        { line_item_id: shirt.id, quantity: 1 },
        { line_item_id: socks.id, quantity: 1 },
      ],
    })

    expect(fulfillment.id).toMatch(/^ful_/)
    expect(fulfillment).toMatchObject({ order_id: placed.id, location_id: "sloc_1", provider_id: "manual_manual" })
    expect(fulfillment.packed_at).toBeInstanceOf(Date)
    expect(fulfillment).toMatchObject({ shipped_at: null, delivered_at: null, canceled_at: null })
    expect(fulfillment.items.map((item) => [item.line_item_id, item.quantity, item.title, item.sku]).sort()).toEqual(
      [
        [shirt.id, 1, "Medium", "TS-M"],
        [socks.id, 1, "Socks", null],
      ].sort(),
    )
    expect(fulfillment.items[0]?.id).toMatch(/^fulit_/)

    const after = await t.orders.retrieveOrder(placed.id)
    expect(after.items.find((item) => item.id === shirt.id)?.detail.fulfilled_quantity).toBe(1)
    expect(after.items.find((item) => item.id === socks.id)?.detail.fulfilled_quantity).toBe(1)
    expect(after.fulfillments.map((f) => f.id)).toEqual([fulfillment.id])
    expect(after.fulfillment_status).toBe("partially_fulfilled")
  })

  test("fulfilling every unit makes the order fulfilled", async () => {
    const { order: placed, shirt, socks } = await order()
    await t.orders.createFulfillment(placed.id, { location_id: "sloc_1", items: [{ line_item_id: shirt.id, quantity: 2 }] })
    await t.orders.createFulfillment(placed.id, { location_id: "sloc_2", items: [{ line_item_id: socks.id, quantity: 1 }] })

    expect((await t.orders.retrieveOrder(placed.id)).fulfillment_status).toBe("fulfilled")
  })

  test("fulfilling more than was ordered is refused, naming the item, and nothing changes", async () => {
    const { order: placed, shirt } = await order()
    await t.orders.createFulfillment(placed.id, { location_id: "sloc_1", items: [{ line_item_id: shirt.id, quantity: 1 }] })

    const error = await rejection(
      t.orders.createFulfillment(placed.id, { location_id: "sloc_1", items: [{ line_item_id: shirt.id, quantity: 2 }] }),
    )
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(
      `Cannot fulfill more items than what was ordered for item ${shirt.id} (Medium): 2 requested, 1 left to fulfill`,
    )
    expect((await detailOf(placed.id, shirt.id))?.fulfilled_quantity).toBe(1)
    expect((await t.orders.retrieveOrder(placed.id)).fulfillments).toHaveLength(1)
  })

  test("the same line named twice counts once, summed", async () => {
    const { order: placed, shirt } = await order()
    const error = await rejection(
      t.orders.createFulfillment(placed.id, {
        location_id: "sloc_1",
        items: [
          { line_item_id: shirt.id, quantity: 2 },
          { line_item_id: shirt.id, quantity: 1 },
        ],
      }),
    )
    expect(error.message).toContain("3 requested, 2 left")
  })

  test("concurrent fulfilments of the same line never fulfil more than was ordered", async () => {
    const placed = await placeOrder(t.orders, { items: [orderLine({ quantity: 3 })] })
    const line = placed.items[0]!

    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        t.orders.createFulfillment(placed.id, { location_id: "sloc_1", items: [{ line_item_id: line.id, quantity: 1 }] }),
      ),
    )

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3)
    expect((await detailOf(placed.id, line.id))?.fulfilled_quantity).toBe(3)
  })

  test.each([
    [{ items: [] }, "items"],
    [{ items: [{ line_item_id: "LINE", quantity: 0 }] }, "quantity"],
    [{ items: [{ line_item_id: "LINE", quantity: 1.5 }] }, "quantity"],
    [{ items: [{ line_item_id: "ordli_elsewhere", quantity: 1 }] }, "ordli_elsewhere"],
    [{ location_id: "" }, "location_id"],
  ])("a fulfilment with %o is refused as invalid_data naming %s", async (change, named) => {
    const { order: placed, shirt } = await order()
    const input = { location_id: "sloc_1", items: [{ line_item_id: shirt.id, quantity: 1 }], ...change }
    input.items = input.items.map((item) => ({ ...item, line_item_id: item.line_item_id.replace("LINE", shirt.id) }))

    const error = await rejection(t.orders.createFulfillment(placed.id, input))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toContain(named)
  })

  test("a line of another order cannot be fulfilled through this one", async () => {
    const { order: placed } = await order()
    const { shirt: foreign } = await order()

    const error = await rejection(
      t.orders.createFulfillment(placed.id, { location_id: "sloc_1", items: [{ line_item_id: foreign.id, quantity: 1 }] }),
    )
    expect(error.message).toBe(`Items with ids ${foreign.id} do not exist in order with id ${placed.id}`)
  })

  test("a canceled order takes no fulfilment; an unknown order is not_found", async () => {
    const { order: placed, shirt } = await order()
    await t.orders.cancel(placed.id)
    const input = { location_id: "sloc_1", items: [{ line_item_id: shirt.id, quantity: 1 }] }

    const canceled = await rejection(t.orders.createFulfillment(placed.id, input))
    expect(canceled.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(canceled.message).toBe(`Order with id ${placed.id} has been canceled.`)
    expect((await rejection(t.orders.createFulfillment("order_missing", input))).type).toBe(AgoraError.Types.NOT_FOUND)
  })
})

describe("shipping, delivery and cancelation of a fulfilment", () => {
  test("shipped, then delivered: timestamps set, line quantities follow, the order's status follows", async () => {
    const { order: placed, shirt, socks } = await order()
    const everything = [
      { line_item_id: shirt.id, quantity: 2 },
      { line_item_id: socks.id, quantity: 1 },
    ]
    const fulfillment = await t.orders.createFulfillment(placed.id, { location_id: "sloc_1", items: everything })

    const shipped = await t.orders.markShipped(placed.id, fulfillment.id)
    expect(shipped.shipped_at).toBeInstanceOf(Date)
    expect((await detailOf(placed.id, shirt.id))?.shipped_quantity).toBe(2)
    expect((await t.orders.retrieveOrder(placed.id)).fulfillment_status).toBe("shipped")

    const delivered = await t.orders.markDelivered(placed.id, fulfillment.id)
    expect(delivered.delivered_at).toBeInstanceOf(Date)
    expect(await detailOf(placed.id, shirt.id)).toMatchObject({ fulfilled_quantity: 2, shipped_quantity: 2, delivered_quantity: 2 })
    expect((await t.orders.retrieveOrder(placed.id)).fulfillment_status).toBe("delivered")
  })

  test("one of two fulfilments shipped makes the order partially_shipped", async () => {
    const { order: placed, shirt, socks } = await order()
    const first = await t.orders.createFulfillment(placed.id, { location_id: "sloc_1", items: [{ line_item_id: shirt.id, quantity: 2 }] })
    await t.orders.createFulfillment(placed.id, { location_id: "sloc_1", items: [{ line_item_id: socks.id, quantity: 1 }] })

    await t.orders.markShipped(placed.id, first.id)
    expect((await t.orders.retrieveOrder(placed.id)).fulfillment_status).toBe("partially_shipped")
  })

  test("a fulfilment is shipped once and delivered once", async () => {
    const { order: placed, shirt } = await order()
    const fulfillment = await t.orders.createFulfillment(placed.id, { location_id: "sloc_1", items: [{ line_item_id: shirt.id, quantity: 1 }] })
    await t.orders.markShipped(placed.id, fulfillment.id)
    await t.orders.markDelivered(placed.id, fulfillment.id)

    const shipTwice = await rejection(t.orders.markShipped(placed.id, fulfillment.id))
    expect(shipTwice.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(shipTwice.message).toBe(`Fulfillment ${fulfillment.id} is already shipped`)
    const deliverTwice = await rejection(t.orders.markDelivered(placed.id, fulfillment.id))
    expect(deliverTwice.message).toBe(`Fulfillment ${fulfillment.id} is already delivered`)
    expect((await detailOf(placed.id, shirt.id))?.shipped_quantity).toBe(1)
  })

  test("canceling a fulfilment gives its units back to fulfil; the order's status follows", async () => {
    const { order: placed, shirt } = await order()
    const fulfillment = await t.orders.createFulfillment(placed.id, { location_id: "sloc_1", items: [{ line_item_id: shirt.id, quantity: 2 }] })

    const canceled = await t.orders.cancelFulfillment(placed.id, fulfillment.id)

    expect(canceled.canceled_at).toBeInstanceOf(Date)
    expect((await detailOf(placed.id, shirt.id))?.fulfilled_quantity).toBe(0)
    expect((await t.orders.retrieveOrder(placed.id)).fulfillment_status).toBe("canceled")
    await t.orders.createFulfillment(placed.id, { location_id: "sloc_1", items: [{ line_item_id: shirt.id, quantity: 2 }] })
    expect((await detailOf(placed.id, shirt.id))?.fulfilled_quantity).toBe(2)
  })

  test("a canceled fulfilment cannot be canceled, shipped or delivered again", async () => {
    const { order: placed, shirt } = await order()
    const fulfillment = await t.orders.createFulfillment(placed.id, { location_id: "sloc_1", items: [{ line_item_id: shirt.id, quantity: 1 }] })
    await t.orders.cancelFulfillment(placed.id, fulfillment.id)

    for (const attempt of [t.orders.cancelFulfillment, t.orders.markShipped, t.orders.markDelivered]) {
      const error = await rejection(attempt.call(t.orders, placed.id, fulfillment.id))
      expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
      expect(error.message).toBe(`Fulfillment ${fulfillment.id} is canceled`)
    }
    expect((await detailOf(placed.id, shirt.id))?.fulfilled_quantity).toBe(0)
  })

  test("a shipped fulfilment cannot be canceled", async () => {
    const { order: placed, shirt } = await order()
    const fulfillment = await t.orders.createFulfillment(placed.id, { location_id: "sloc_1", items: [{ line_item_id: shirt.id, quantity: 1 }] })
    await t.orders.markShipped(placed.id, fulfillment.id)

    const error = await rejection(t.orders.cancelFulfillment(placed.id, fulfillment.id))
    expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(error.message).toBe(`Fulfillment ${fulfillment.id} has been shipped and cannot be canceled`)
  })

  test("a fulfilment is found only through its own order", async () => {
    const { order: placed, shirt } = await order()
    const { order: other } = await order()
    const fulfillment = await t.orders.createFulfillment(placed.id, { location_id: "sloc_1", items: [{ line_item_id: shirt.id, quantity: 1 }] })

    const error = await rejection(t.orders.markShipped(other.id, fulfillment.id))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe(`Fulfillment with id: ${fulfillment.id} was not found in order ${other.id}`)
    expect((await rejection(t.orders.markDelivered(placed.id, "ful_missing"))).type).toBe(AgoraError.Types.NOT_FOUND)
  })
})
