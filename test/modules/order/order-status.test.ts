import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { placeOrder, rejection, startOrderApp } from "./order-app.ts"
import type { OrderApp } from "./order-app.ts"

let t: OrderApp
beforeAll(async () => {
  t = await startOrderApp()
})
afterAll(() => t.close())

const fulfilFirstLine = async (orderId: string, lineId: string) =>
  t.orders.createFulfillment(orderId, { location_id: "sloc_1", items: [{ line_item_id: lineId, quantity: 1 }] })

describe("cancel", () => {
  test("cancels an order: status canceled, canceled_at set", async () => {
    const order = await placeOrder(t.orders)

    const canceled = await t.orders.cancel(order.id)

    expect(canceled.status).toBe("canceled")
    expect(canceled.canceled_at).toBeInstanceOf(Date)
    expect((await t.orders.retrieveOrder(order.id)).status).toBe("canceled")
  })

  test("an order is canceled once: a second cancel is not_allowed", async () => {
    const order = await placeOrder(t.orders)
    await t.orders.cancel(order.id)

    const error = await rejection(t.orders.cancel(order.id))
    expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(error.message).toBe(`Order with id ${order.id} has been canceled.`)
  })

  test("an order with a fulfilment that is not canceled cannot be canceled", async () => {
    const order = await placeOrder(t.orders)
    await fulfilFirstLine(order.id, order.items[0]!.id)

    const error = await rejection(t.orders.cancel(order.id))
    expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(error.message).toBe("All fulfillments must be canceled before canceling an order")
    expect((await t.orders.retrieveOrder(order.id)).status).toBe("pending")
  })

  test("once its fulfilments are canceled, the order can be canceled", async () => {
    const order = await placeOrder(t.orders)
    const fulfillment = await fulfilFirstLine(order.id, order.items[0]!.id)
    await t.orders.cancelFulfillment(order.id, fulfillment.id)

    expect((await t.orders.cancel(order.id)).status).toBe("canceled")
  })

  test("canceling an unknown order is not_found", async () => {
    const error = await rejection(t.orders.cancel("order_missing"))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toContain("order_missing")
  })
})

describe("completeOrder and archive", () => {
  test("completes an order", async () => {
    const order = await placeOrder(t.orders)
    expect((await t.orders.completeOrder(order.id)).status).toBe("completed")
  })

  test("a canceled order cannot be completed", async () => {
    const order = await placeOrder(t.orders)
    await t.orders.cancel(order.id)

    const error = await rejection(t.orders.completeOrder(order.id))
    expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(error.message).toContain(order.id)
    expect((await t.orders.retrieveOrder(order.id)).status).toBe("canceled")
  })

  test("archives an order, canceled or not", async () => {
    const done = await placeOrder(t.orders)
    await t.orders.completeOrder(done.id)
    const canceled = await placeOrder(t.orders)
    await t.orders.cancel(canceled.id)

    expect((await t.orders.archive(done.id)).status).toBe("archived")
    expect((await t.orders.archive(canceled.id)).status).toBe("archived")
  })

  test("completing or archiving an unknown order is not_found", async () => {
    expect((await rejection(t.orders.completeOrder("order_missing"))).type).toBe(AgoraError.Types.NOT_FOUND)
    expect((await rejection(t.orders.archive("order_missing"))).type).toBe(AgoraError.Types.NOT_FOUND)
  })
})
