import { describe, expect, test } from "vitest"
import { computeFulfillmentStatus } from "../../../src/modules/order/index.ts"
import type { FulfillmentProgress } from "../../../src/modules/order/index.ts"

const at = "2026-01-01T00:00:00.000Z"
const packed: FulfillmentProgress = { packed_at: at, shipped_at: null, delivered_at: null, canceled_at: null }
const shipped: FulfillmentProgress = { ...packed, shipped_at: at }
const delivered: FulfillmentProgress = { ...shipped, delivered_at: at }
const canceled: FulfillmentProgress = { ...packed, canceled_at: at }
const notPacked: FulfillmentProgress = { packed_at: null, shipped_at: null, delivered_at: null, canceled_at: null }

const line = (quantity: number, fulfilled: number) => ({ quantity, detail: { fulfilled_quantity: fulfilled } })
const allFulfilled = [line(2, 2), line(1, 1)]
const someLeft = [line(2, 2), line(1, 0)]

describe("computeFulfillmentStatus", () => {
  test.each([
    ["no fulfilment", [], someLeft, "not_fulfilled"],
    ["no fulfilment, even with nothing to fulfil", [], [], "not_fulfilled"],
    ["a fulfilment never packed counts for nothing", [notPacked], someLeft, "not_fulfilled"],
    ["every line fulfilled, all packed", [packed, packed], allFulfilled, "fulfilled"],
    ["packed but a line is left", [packed], someLeft, "partially_fulfilled"],
    ["all shipped, nothing left", [shipped, shipped], allFulfilled, "shipped"],
    ["one of two shipped", [shipped, packed], allFulfilled, "partially_shipped"],
    ["all shipped but a line is left", [shipped], someLeft, "partially_shipped"],
    ["all delivered, nothing left", [delivered], allFulfilled, "delivered"],
    ["one delivered, one only shipped", [delivered, shipped], allFulfilled, "partially_delivered"],
    ["delivered but a line is left", [delivered], someLeft, "partially_delivered"],
    ["canceled ones do not count against the others", [canceled, shipped], allFulfilled, "shipped"],
    ["every fulfilment canceled", [canceled, canceled], someLeft, "canceled"],
    ["a canceled fulfilment beside an unpacked one", [canceled, notPacked], someLeft, "not_fulfilled"],
  ] as const)("%s → %s", (_, fulfillments, items, expected) => {
    expect(computeFulfillmentStatus({ fulfillments, items })).toBe(expected)
  })

  test("a canceled fulfilment counts as canceled even when it had been delivered", () => {
    expect(computeFulfillmentStatus({ fulfillments: [{ ...delivered, canceled_at: at }], items: allFulfilled })).toBe("canceled")
  })

  test("timestamps may be Dates", () => {
    const now = new Date()
    const fulfillment = { packed_at: now, shipped_at: now, delivered_at: null, canceled_at: null }
    expect(computeFulfillmentStatus({ fulfillments: [fulfillment], items: allFulfilled })).toBe("shipped")
  })
})
