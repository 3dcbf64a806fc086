import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { CreateFulfillmentInput } from "../../../src/modules/fulfillment/index.ts"
import { rejection, SCRIPTED_PROVIDER_ID, startFulfillmentApp } from "./fulfillment-app.ts"
import type { FulfillmentApp } from "./fulfillment-app.ts"

let t: FulfillmentApp
beforeAll(async () => {
  t = await startFulfillmentApp()
})
afterAll(() => t.close())

function fulfillmentInput(overrides: Partial<CreateFulfillmentInput> = {}): CreateFulfillmentInput {
  return {
    location_id: "sloc_1",
    provider_id: "manual_manual",
    items: [
      { title: "T-shirt", sku: "TS-M", quantity: 2, line_item_id: "ordli_1", inventory_item_id: "iitem_1" },
      { title: "Mug", quantity: 1, line_item_id: "ordli_2" },
    ],
    ...overrides,
  }
}

describe("createFulfillment", () => {
  test("with the manual provider: items, address and given labels are stored, and the provider's data is {}", async () => {
    const fulfillment = await t.fulfillment.createFulfillment(
      fulfillmentInput({
        data: { note: "leave at door" },
        delivery_address: { first_name: "Ada", address_1: "1 Main St", city: "Springfield", country_code: "us", postal_code: "12345" },
        labels: [{ tracking_number: "1Z", tracking_url: "https://t.example/1Z", label_url: "https://l.example/1Z" }],
        created_by: "user_1",
        order: { id: "order_1" },
      }),
    )

    expect(fulfillment.id).toMatch(/^ful_/)
    expect(fulfillment).toMatchObject({
      location_id: "sloc_1",
      provider_id: "manual_manual",
      data: {},
      requires_shipping: true,
      packed_at: null,
      shipped_at: null,
      canceled_at: null,
      created_by: "user_1",
      delivery_address: { first_name: "Ada", city: "Springfield", country_code: "us", postal_code: "12345", last_name: null },
    })
    expect(fulfillment.items?.map((i) => [i.title, i.sku, i.quantity, i.line_item_id, i.fulfillment_id])).toEqual([
      ["T-shirt", "TS-M", 2, "ordli_1", fulfillment.id],
      ["Mug", null, 1, "ordli_2", fulfillment.id],
    ])
    expect(fulfillment.labels?.map((l) => l.tracking_number)).toEqual(["1Z"])
  })

  test("the provider gets the data, items, order and fulfillment; its data and labels are stored", async () => {
    const fulfillment = await t.fulfillment.createFulfillment(
      fulfillmentInput({ provider_id: SCRIPTED_PROVIDER_ID, data: { id: "standard" }, order: { id: "order_7" } }),
    )

    expect(fulfillment.data).toEqual({ shipment: `shp_${fulfillment.id}`, quantities: [2, 1], order_id: "order_7" })
    expect(fulfillment.labels?.map((l) => [l.tracking_number, l.tracking_url])).toEqual([["TN1", "https://track.example/TN1"]])
  })

  test("when the provider fails nothing is stored", async () => {
    const before = await t.rows<{ n: number }>("select count(*)::int as n from fulfillment")

    await expect(
      t.fulfillment.createFulfillment(
        fulfillmentInput({ provider_id: SCRIPTED_PROVIDER_ID, data: { fail: "create" }, delivery_address: { city: "Nowhere" } }),
      ),
    ).rejects.toThrow("scripted carrier: create failed")

    expect(await t.rows("select count(*)::int as n from fulfillment")).toEqual(before)
    expect(await t.rows("select id from fulfillment_address where city = 'Nowhere'")).toEqual([])
    expect(await t.rows("select id from fulfillment_item where title = 'T-shirt' and fulfillment_id not in (select id from fulfillment)")).toEqual([])
  })

  test.each([
    [{ location_id: "" }, "location_id is required"],
    [{ provider_id: "" }, "provider_id is required"],
    [{ items: [] }, "items must hold at least one item"],
    [{ items: [{ title: "Mug", quantity: 0 }] }, "items[0].quantity must be a positive whole number"],
    [{ items: [{ title: "Mug", quantity: 1.5 }] }, "items[0].quantity must be a positive whole number"],
    [{ items: [{ title: "", quantity: 1 }] }, "items[0].title is required"],
  ])("an invalid fulfillment is refused naming the field: %j", async (overrides, message) => {
    const error = await rejection(t.fulfillment.createFulfillment(fulfillmentInput(overrides)))
    expect([error.type, error.message]).toEqual([AgoraError.Types.INVALID_DATA, message])
  })

  test("an unknown provider is not found, naming it", async () => {
    const error = await rejection(t.fulfillment.createFulfillment(fulfillmentInput({ provider_id: "fedex_fedex" })))
    expect([error.type, error.message]).toEqual([AgoraError.Types.NOT_FOUND, "Fulfillment provider with id: fedex_fedex was not found"])
  })
})

describe("fulfillments after creation", () => {
  test("generated CRUD marks one shipped and lists by location", async () => {
    const fulfillment = await t.fulfillment.createFulfillment(fulfillmentInput({ location_id: "sloc_listed" }))
    const shippedAt = new Date("2026-01-02T03:04:05.000Z")

    await t.fulfillment.updateFulfillments({ id: fulfillment.id, shipped_at: shippedAt, marked_shipped_by: "user_2" })

    const [listed] = await t.fulfillment.listFulfillments({ location_id: "sloc_listed" })
    expect(listed).toMatchObject({ id: fulfillment.id, shipped_at: shippedAt, marked_shipped_by: "user_2" })
  })

  test("cancelFulfillment sets canceled_at through the provider, and again changes nothing", async () => {
    const fulfillment = await t.fulfillment.createFulfillment(fulfillmentInput())

    const canceled = await t.fulfillment.cancelFulfillment(fulfillment.id)
    expect(canceled.canceled_at).toBeInstanceOf(Date)
    expect(canceled.items).toHaveLength(2)

    const again = await t.fulfillment.cancelFulfillment(fulfillment.id)
    expect(again.canceled_at).toEqual(canceled.canceled_at)
  })

  test("a shipped or delivered fulfillment cannot be canceled", async () => {
    const shipped = await t.fulfillment.createFulfillment(fulfillmentInput({ shipped_at: new Date() }))
    const delivered = await t.fulfillment.createFulfillment(fulfillmentInput({ delivered_at: "2026-02-01T00:00:00Z" }))

    const error = await rejection(t.fulfillment.cancelFulfillment(shipped.id))
    expect([error.type, error.message]).toEqual([AgoraError.Types.INVALID_DATA, `Fulfillment ${shipped.id} was already shipped and cannot be canceled`])
    expect((await rejection(t.fulfillment.cancelFulfillment(delivered.id))).message).toBe(
      `Fulfillment ${delivered.id} was already delivered and cannot be canceled`,
    )
    expect((await t.fulfillment.retrieveFulfillment(shipped.id)).canceled_at).toBeNull()
  })

  test("when the provider refuses to cancel, the fulfillment stays as it was", async () => {
    const fulfillment = await t.fulfillment.createFulfillment(fulfillmentInput({ provider_id: SCRIPTED_PROVIDER_ID, data: { id: "standard" } }))
    await t.fulfillment.updateFulfillments({ id: fulfillment.id, data: { fail: "cancel" } })

    await expect(t.fulfillment.cancelFulfillment(fulfillment.id)).rejects.toThrow("scripted carrier: cancel failed")
    expect((await t.fulfillment.retrieveFulfillment(fulfillment.id)).canceled_at).toBeNull()
  })

  test("an unknown fulfillment is not found, naming it", async () => {
    const error = await rejection(t.fulfillment.cancelFulfillment("ful_missing"))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toContain("ful_missing")
  })
})

describe("validateFulfillmentData", () => {
  test("the manual provider keeps the data as given", async () => {
    expect(await t.fulfillment.validateFulfillmentData("manual_manual", { id: "manual-fulfillment" }, { note: "x" })).toEqual({ note: "x" })
  })

  test("a provider may complete the data, or refuse it with its own error", async () => {
    expect(await t.fulfillment.validateFulfillmentData(SCRIPTED_PROVIDER_ID, { id: "express" }, { pickup_point: "pp_9" })).toEqual({
      pickup_point: "pp_9",
      option: "express",
    })
    const error = await rejection(t.fulfillment.validateFulfillmentData(SCRIPTED_PROVIDER_ID, { id: "express" }, {}))
    expect([error.type, error.message]).toEqual([AgoraError.Types.INVALID_DATA, "pickup_point is required by the scripted carrier"])
  })
})
