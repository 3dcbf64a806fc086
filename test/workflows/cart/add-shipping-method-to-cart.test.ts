import { afterAll, beforeAll, describe, expect, test } from "vitest"
import {
  addShippingMethodToCartWorkflow,
  CartEvents,
  createPaymentCollectionForCartWorkflow,
} from "../../../src/workflows/cart/index.ts"
import type { AddShippingMethodToCartWorkflowInput } from "../../../src/workflows/cart/index.ts"
import { readCartWithLinks } from "../../../src/workflows/cart/utils/read-cart.ts"
import type { Query } from "../../../src/framework/modules/index.ts"
import { cartFootprint, failureMessage, recordEvents, scopeFailing, startCommerceApp, workflowFailure } from "./app.ts"
import type { CommerceApp } from "./app.ts"
import { markCompleted, newCart } from "./carts.ts"
import { MANUAL_FULFILLMENT_PROVIDER, seedStore } from "./seed.ts"
import type { SeededStore } from "./seed.ts"

let t: CommerceApp
let s: SeededStore
/** A second option of the store's profile, usd only; and one in a zone that covers France only. */
let express: string
let franceOnly: string

beforeAll(async () => {
  t = await startCommerceApp()
  s = await seedStore(t)
  express = await newOption("Express", { usd: 30 }, s.serviceZoneId)
  const france = await t.fulfillment.createServiceZones({
    fulfillment_set_id: s.fulfillmentSetId,
    name: "France",
    geo_zones: [{ type: "country", country_code: "fr" }],
  })
  franceOnly = await newOption("La Poste", { usd: 12 }, france.id)
})
afterAll(() => t.close())

async function newOption(name: string, prices: Record<string, number>, serviceZoneId: string): Promise<string> {
  const option = await t.fulfillment.createShippingOptions({
    name,
    price_type: "flat",
    service_zone_id: serviceZoneId,
    shipping_profile_id: s.shippingProfileId,
    provider_id: MANUAL_FULFILLMENT_PROVIDER,
    type: { label: name, code: name.toLowerCase().replace(/\W+/g, "-") },
    rules: [
      { attribute: "enabled_in_store", operator: "eq", value: "true" },
      { attribute: "is_return", operator: "eq", value: "false" },
    ],
  })
  const priceSet = await t.pricing.createPriceSets({
    prices: Object.entries(prices).map(([currency_code, amount]) => ({ currency_code, amount })),
  })
  await t.link.create({ fulfillment: { shipping_option_id: option.id }, pricing: { price_set_id: priceSet.id } })
  return option.id
}

/** Runs the workflow, which returns nothing, and reads the cart after it as the route does. */
const ship = async (input: AddShippingMethodToCartWorkflowInput, container = t.container) => {
  const run = await addShippingMethodToCartWorkflow(container).run({ input })
  expect(run.result).toBeUndefined()
  return { result: await readCartWithLinks(t.container.resolve<Query>("query"), input.cart_id) }
}
const methods = (cartId: string) =>
  t.rows(`select shipping_option_id, name, amount::text as amount, data from cart_shipping_method where cart_id = ? and deleted_at is null order by created_at, id`, [
    cartId,
  ])

describe("addShippingMethodToCartWorkflow", () => {
  test("adds a method priced in the cart's currency, replaces the method of the same profile, and announces the change", async () => {
    const cart = await newCart(t, s)
    const recorder = await recordEvents(t, [CartEvents.UPDATED])

    const { result } = await ship({ cart_id: cart.id, options: [{ id: s.shippingOption.id, data: { door_code: "1234" } }] })

    expect(result.shipping_methods).toEqual([
      expect.objectContaining({ name: "Standard", amount: 10, shipping_option_id: s.shippingOption.id, data: { door_code: "1234" } }),
    ])
    expect(result).toMatchObject({ item_total: 20, shipping_total: 10, total: 30 })
    expect(await recorder.drain()).toEqual([expect.objectContaining({ name: CartEvents.UPDATED, data: { id: cart.id } })])

    const { result: replaced } = await ship({ cart_id: cart.id, options: [{ id: express }] })
    expect(replaced.shipping_methods.map((method) => [method.name, method.amount])).toEqual([["Express", 30]])
    expect(await methods(cart.id)).toEqual([{ shipping_option_id: express, name: "Express", amount: "30", data: {} }])
  })

  test("prices the method in a euro cart's currency, and refuses an option without a euro price", async () => {
    const cart = await newCart(t, s, { region_id: s.regions.eur.id, shipping_address: undefined })
    const { result } = await ship({ cart_id: cart.id, options: [{ id: s.shippingOption.id }] })
    expect(result.shipping_methods.map((method) => method.amount)).toEqual([8])

    expect(await workflowFailure(ship({ cart_id: cart.id, options: [{ id: express }] }))).toMatchObject({
      type: "invalid_data",
      message: `Shipping options with IDs ${express} do not have a price`,
    })
  })

  test("refuses options that are unknown or not offered for the cart's address, a cart without address, a completed cart", async () => {
    const cart = await newCart(t, s)
    expect(await workflowFailure(ship({ cart_id: cart.id, options: [{ id: "so_missing" }] }))).toMatchObject({
      type: "not_found",
      message: "Shipping option with id: so_missing was not found",
    })
    const notHere = await workflowFailure(ship({ cart_id: cart.id, options: [{ id: franceOnly }] }))
    expect(notHere.type).toBe("invalid_data")
    expect(notHere.message).toContain(franceOnly)
    expect(await workflowFailure(ship({ cart_id: cart.id, options: [] }))).toMatchObject({
      type: "invalid_data",
      message: "options must list at least one shipping option, each with its id",
    })

    const noAddress = await newCart(t, s, { shipping_address: null })
    expect(await workflowFailure(ship({ cart_id: noAddress.id, options: [{ id: s.shippingOption.id }] }))).toMatchObject({
      type: "invalid_data",
      message: `Cart ${noAddress.id} has no shipping address country: set shipping_address.country_code before choosing a shipping method`,
    })
    await markCompleted(t, cart.id)
    expect(await workflowFailure(ship({ cart_id: cart.id, options: [{ id: s.shippingOption.id }] }))).toMatchObject({
      type: "invalid_data",
      message: `Cart ${cart.id} is already completed.`,
    })
  })

  test("the cart's payment collection takes the new total", async () => {
    const cart = await newCart(t, s)
    await createPaymentCollectionForCartWorkflow(t.container).run({ input: { cart_id: cart.id } })
    const { result } = await ship({ cart_id: cart.id, options: [{ id: s.shippingOption.id }] })
    expect(result.payment_collection).toMatchObject({ amount: "30" })
  })

  describe("leaves nothing behind", () => {
    test("when the new method cannot be written: the replaced one is back", async () => {
      const cart = await newCart(t, s)
      await ship({ cart_id: cart.id, options: [{ id: s.shippingOption.id }] })
      const before = { footprint: await cartFootprint(t), methods: await methods(cart.id) }
      await failureMessage(ship({ cart_id: cart.id, options: [{ id: express }] }, scopeFailing(t, "cart", "addShippingMethods")))
      expect({ footprint: await cartFootprint(t), methods: await methods(cart.id) }).toEqual(before)
    })

    test("when the change cannot be announced: the new method is deleted and the replaced one is back", async () => {
      const cart = await newCart(t, s)
      await ship({ cart_id: cart.id, options: [{ id: s.shippingOption.id }] })
      const before = { footprint: await cartFootprint(t), methods: await methods(cart.id) }
      const recorder = await recordEvents(t, [CartEvents.UPDATED])
      await failureMessage(ship({ cart_id: cart.id, options: [{ id: express }] }, scopeFailing(t, "eventBus", "emit")))
      expect({ footprint: await cartFootprint(t), methods: await methods(cart.id) }).toEqual(before)
      expect(before.methods).toEqual([expect.objectContaining({ name: "Standard" })])
      expect(await recorder.drain()).toEqual([])
    })
  })
})
