import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { StepResponse } from "../../../src/framework/workflows-sdk/index.ts"
import {
  addShippingMethodToCartWorkflow,
  CartEvents,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  updateCartWorkflow,
} from "../../../src/workflows/cart/index.ts"
import type { UpdateCartWorkflowInput } from "../../../src/workflows/cart/index.ts"
import { cartFootprint, failureMessage, recordEvents, scopeFailing, startCommerceApp, workflowFailure } from "./app.ts"
import type { CommerceApp } from "./app.ts"
import { markCompleted, newCart, US_ADDRESS } from "./carts.ts"
import { MANUAL_FULFILLMENT_PROVIDER, SYSTEM_PAYMENT_PROVIDER, seedProduct, seedStore } from "./seed.ts"
import type { SeededStore } from "./seed.ts"

let t: CommerceApp
let s: SeededStore
let refuse: string | undefined
let failAfter: string | undefined
const updatedCarts: string[] = []
/** An option shipping to the US only. */
let usOnly: string

beforeAll(async () => {
  t = await startCommerceApp()
  s = await seedStore(t)
  const zone = await t.fulfillment.createServiceZones({
    fulfillment_set_id: s.fulfillmentSetId,
    name: "US only",
    geo_zones: [{ type: "country", country_code: "us" }],
  })
  const option = await t.fulfillment.createShippingOptions({
    name: "US Ground",
    service_zone_id: zone.id,
    shipping_profile_id: s.shippingProfileId,
    provider_id: MANUAL_FULFILLMENT_PROVIDER,
    type: { label: "Ground", code: "ground" },
  })
  const prices = await t.pricing.createPriceSets({ prices: [{ currency_code: "usd", amount: 5 }] })
  await t.link.create({ fulfillment: { shipping_option_id: option.id }, pricing: { price_set_id: prices.id } })
  usOnly = option.id

  updateCartWorkflow.hooks.validate(async () => {
    if (refuse) throw new Error(refuse)
    return new StepResponse(undefined)
  })
  updateCartWorkflow.hooks.cartUpdated(async ({ cart }) => {
    if (failAfter) throw new Error(failAfter)
    updatedCarts.push(cart.id)
    return new StepResponse(undefined)
  })
})
afterAll(() => t.close())
beforeEach(() => {
  refuse = undefined
  failAfter = undefined
})

const update = (input: UpdateCartWorkflowInput, container = t.container) => updateCartWorkflow(container).run({ input })

/** Everything an update may touch, as stored (addresses by value: a rolled-back address is a copy). */
async function cartState(cartId: string) {
  const [cart] = await t.rows(
    `select email, customer_id, region_id, currency_code, sales_channel_id, metadata, shipping_address_id is null as no_shipping,
       billing_address_id is null as no_billing from cart where id = ?`,
    [cartId],
  )
  const addresses = await t.rows(
    `select a.first_name, a.address_1, a.city, a.country_code, a.phone from cart c join cart_address a on a.id in (c.shipping_address_id, c.billing_address_id)
     where c.id = ? order by a.id = c.shipping_address_id desc`,
    [cartId],
  )
  const lines = await t.rows(`select id, quantity, unit_price::text as unit_price from cart_line_item where cart_id = ? and deleted_at is null order by id`, [cartId])
  const methods = await t.rows(`select id, amount::text as amount from cart_shipping_method where cart_id = ? and deleted_at is null order by id`, [cartId])
  const collection = await t.rows(
    `select pc.amount::text as amount, pc.currency_code, (select count(*)::int from payment_session ps where ps.payment_collection_id = pc.id and ps.deleted_at is null) as sessions
     from cart_payment_collection l join payment_collection pc on pc.id = l.payment_collection_id where l.cart_id = ?`,
    [cartId],
  )
  return { cart, addresses, lines, methods, collection, footprint: await cartFootprint(t) }
}

/** A US cart with two lines, a shipping method, and a payment collection with a session. */
async function fullCart() {
  const cart = await newCart(t, s, {
    email: null,
    items: [
      { variant_id: s.product.variants.small.id, quantity: 1 },
      { variant_id: s.product.variants.medium.id, quantity: 2 },
    ],
  })
  await addShippingMethodToCartWorkflow(t.container).run({ input: { cart_id: cart.id, options: [{ id: s.shippingOption.id }] } })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(t.container).run({ input: { cart_id: cart.id } })
  await createPaymentSessionsWorkflow(t.container).run({ input: { payment_collection_id: collection.id, provider_id: SYSTEM_PAYMENT_PROVIDER } })
  return cart
}

describe("updateCartWorkflow", () => {
  test("sets the email (the cart becomes the guest's), addresses and metadata, and announces the change", async () => {
    const cart = await newCart(t, s, { email: null })
    expect(cart.customer_id).toBeNull()
    const recorder = await recordEvents(t, [CartEvents.UPDATED, CartEvents.REGION_UPDATED])

    const { result } = await update({
      id: cart.id,
      email: "Buyer@Example.com",
      shipping_address: { ...US_ADDRESS, first_name: "Grace", country_code: "US" },
      billing_address: { ...US_ADDRESS, address_1: "2 Bill St" },
      metadata: { note: "leave at door" },
    })

    const [guest] = await t.customers.listCustomers({ email: "buyer@example.com" })
    expect(result).toMatchObject({
      email: "buyer@example.com",
      customer_id: guest!.id,
      metadata: { note: "leave at door" },
      shipping_address: { first_name: "Grace", country_code: "us" },
      billing_address: { address_1: "2 Bill St" },
    })
    expect(guest).toMatchObject({ has_account: false })
    expect(updatedCarts).toContain(cart.id)
    expect(await recorder.drain()).toEqual([expect.objectContaining({ name: CartEvents.UPDATED, data: { id: cart.id } })])

    const { result: removed } = await update({ id: cart.id, billing_address: null })
    expect(removed.billing_address).toBeNull()
    expect(removed.shipping_address).toMatchObject({ first_name: "Grace" })
  })

  test("a signed-in customer takes the cart; a registered customer's email change keeps the customer, a guest's does not", async () => {
    const member = await t.customers.createCustomers({ email: "member@example.com", has_account: true })
    const cart = await newCart(t, s, { email: "someone@example.com" })
    const guestId = cart.customer_id

    const { result: taken } = await update({ id: cart.id, customer_id: member.id })
    expect(taken).toMatchObject({ customer_id: member.id, email: "member@example.com" })
    const { result: renamed } = await update({ id: cart.id, email: "member.work@example.com" })
    expect(renamed).toMatchObject({ customer_id: member.id, email: "member.work@example.com" })

    const guestCart = await newCart(t, s, { email: "someone@example.com" })
    expect(guestCart.customer_id).toBe(guestId)
    const { result: moved } = await update({ id: guestCart.id, email: "other.guest@example.com" })
    expect(moved.customer_id).not.toBe(guestId)
    expect(moved.email).toBe("other.guest@example.com")
  })

  test("a new region brings its currency and prices, sets its only country, drops shipping methods, refreshes the payment collection", async () => {
    const cart = await fullCart()
    const recorder = await recordEvents(t, [CartEvents.UPDATED, CartEvents.REGION_UPDATED])

    const { result } = await update({ id: cart.id, region_id: s.regions.eur.id })

    expect(result).toMatchObject({ region_id: s.regions.eur.id, currency_code: "eur", shipping_methods: [], total: 62 })
    expect(result.items.map((item) => item.unit_price)).toEqual([18, 22])
    expect(result.shipping_address).toMatchObject({ first_name: "Ada", address_1: "1 Main St", country_code: "de" })
    expect(result.payment_collection).toMatchObject({ amount: "62", currency_code: "eur", payment_sessions: [] })
    const events = await recorder.drain()
    expect(events.map((event) => event.name).sort()).toEqual([CartEvents.REGION_UPDATED, CartEvents.UPDATED])
  })

  test("a new shipping address drops the shipping methods no longer offered there", async () => {
    const cart = await newCart(t, s)
    await addShippingMethodToCartWorkflow(t.container).run({ input: { cart_id: cart.id, options: [{ id: usOnly }] } })

    const { result: stillUs } = await update({ id: cart.id, shipping_address: { ...US_ADDRESS, city: "Shelbyville" } })
    expect(stillUs.shipping_methods.map((method) => method.shipping_option_id)).toEqual([usOnly])

    const { result } = await update({ id: cart.id, shipping_address: { ...US_ADDRESS, country_code: "ca" } })
    expect(result.shipping_methods).toEqual([])
    expect(result.total).toBe(20)
  })

  test("a new sales channel must be one of the publishable key's", async () => {
    const cart = await newCart(t, s)
    const app = await t.channels.createSalesChannels({ name: "App" })
    const error = await workflowFailure(update({ id: cart.id, sales_channel_id: app.id, publishable_key_id: s.publishableKey.id }))
    expect(error).toMatchObject({
      type: "invalid_data",
      message: `Sales channel ID in payload ${app.id} is not associated with the Publishable API Key in the header.`,
    })
    const { result } = await update({ id: cart.id, sales_channel_id: app.id })
    expect(result.sales_channel_id).toBe(app.id)
  })

  test("refuses an address outside the region, an unknown region, a region without prices for the lines, a completed cart", async () => {
    const cart = await newCart(t, s)
    const before = await cartState(cart.id)
    expect(await workflowFailure(update({ id: cart.id, shipping_address: { ...US_ADDRESS, country_code: "de" } }))).toMatchObject({
      type: "invalid_data",
      message: "Country with code de is not within region North America",
    })
    expect(await workflowFailure(update({ id: cart.id, region_id: "reg_missing" }))).toMatchObject({
      type: "not_found",
      message: "Region with id: reg_missing was not found",
    })
    expect(await cartState(cart.id)).toEqual(before)
    const dollarOnly = await seedProduct(t, s, { title: "Dollar cap", variants: [{ key: "one", prices: { usd: 7 } }] })
    const dollarCart = await newCart(t, s, { items: [{ variant_id: dollarOnly.variants.one!.id, quantity: 1 }] })
    const dollarBefore = await cartState(dollarCart.id)
    expect(await workflowFailure(update({ id: dollarCart.id, region_id: s.regions.eur.id }))).toMatchObject({
      type: "invalid_data",
      message: `Variants with IDs ${dollarOnly.variants.one!.id} do not have a price`,
    })
    expect(await cartState(dollarCart.id)).toEqual(dollarBefore)

    await markCompleted(t, cart.id)
    expect(await workflowFailure(update({ id: cart.id, email: "late@example.com" }))).toMatchObject({
      type: "invalid_data",
      message: `Cart ${cart.id} is already completed.`,
    })
  })

  test("a cart whose region was deleted is refused with not_found, and left as it was", async () => {
    const [gone] = await t.regions.createRegions([{ name: "Closing down", currency_code: "usd", countries: ["nz"] }])
    const cart = await newCart(t, s, { region_id: gone!.id, shipping_address: { ...US_ADDRESS, country_code: "nz" } })
    await t.regions.softDeleteRegions(gone!.id)
    const before = await cartState(cart.id)

    expect(await workflowFailure(update({ id: cart.id, email: "still-here@example.com" }))).toMatchObject({
      type: "not_found",
      message: `Region with id: ${gone!.id} was not found`,
    })
    expect(await cartState(cart.id)).toEqual(before)
  })

  describe("leaves nothing behind", () => {
    const change = (id: string): UpdateCartWorkflowInput => ({
      id,
      email: `rollback-${id}@example.com`,
      region_id: s.regions.eur.id,
      billing_address: { ...US_ADDRESS, address_1: "9 Billing Rd" },
      metadata: { changed: true },
    })

    test("when the validate hook refuses: no guest customer is created", async () => {
      const cart = await fullCart()
      const before = await cartState(cart.id)
      refuse = "updates are frozen"
      expect(await failureMessage(update(change(cart.id)))).toContain("updates are frozen")
      expect(await cartState(cart.id)).toEqual(before)
    })

    test.each([
      ["the cart's columns", "cart", "updateCarts"],
      ["its addresses", "cart", "replaceAddresses"],
      ["the new prices of its lines", "cart", "updateLineItems"],
      ["the dropped shipping methods", "cart", "softDeleteShippingMethods"],
      ["the payment collection's new amount", "payment", "updatePaymentCollections"],
      ["the announcement", "eventBus", "emit"],
    ])("when %s cannot be written", async (_what, key, method) => {
      const cart = await fullCart()
      const before = await cartState(cart.id)
      const recorder = await recordEvents(t, [CartEvents.UPDATED, CartEvents.REGION_UPDATED])
      expect(await failureMessage(update(change(cart.id), scopeFailing(t, key, method)))).toContain(`${key}.${method} is down`)
      expect(await cartState(cart.id)).toEqual(before)
      expect(await recorder.drain()).toEqual([])
    })

    test("when a cartUpdated handler fails after everything was written", async () => {
      const cart = await fullCart()
      const before = await cartState(cart.id)
      failAfter = "the ERP refused the cart"
      expect(await failureMessage(update(change(cart.id)))).toContain("the ERP refused the cart")
      expect(await cartState(cart.id)).toEqual(before)
      expect(before.methods).toHaveLength(1)
      expect(before.collection).toEqual([{ amount: "80", currency_code: "usd", sessions: 1 }])
    })
  })
})
