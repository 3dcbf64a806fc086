import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { StepResponse } from "../../../src/framework/workflows-sdk/index.ts"
import { CartEvents, createCartWorkflow } from "../../../src/workflows/cart/index.ts"
import type { CreateCartWorkflowInput } from "../../../src/workflows/cart/index.ts"
import { cartFootprint, failureMessage, recordEvents, scopeFailing, startCommerceApp, workflowFailure } from "./app.ts"
import type { CommerceApp } from "./app.ts"
import { US_ADDRESS } from "./carts.ts"
import { seedProduct, seedStore } from "./seed.ts"
import type { SeededStore } from "./seed.ts"

let t: CommerceApp
let s: SeededStore
let failHook: string | undefined
let refuse: string | undefined

beforeAll(async () => {
  t = await startCommerceApp()
  s = await seedStore(t)
  createCartWorkflow.hooks.validate(async () => {
    if (refuse) throw new Error(refuse)
    return new StepResponse(undefined)
  })
  createCartWorkflow.hooks.cartCreated(async () => {
    if (failHook) throw new Error(failHook)
    return new StepResponse(undefined)
  })
})
afterAll(() => t.close())
beforeEach(() => {
  failHook = undefined
  refuse = undefined
})

const run = (input: CreateCartWorkflowInput, container = t.container) => createCartWorkflow(container).run({ input })

describe("createCartWorkflow", () => {
  test("creates a cart in the store's default region and channel, with priced lines and a guest customer, and announces it", async () => {
    const recorder = await recordEvents(t, [CartEvents.CREATED])
    const { result: cart } = await run({
      email: "Guest@Example.com",
      shipping_address: US_ADDRESS,
      items: [{ variant_id: s.product.variants.small.id, quantity: 2, metadata: { gift: true } }],
      metadata: { source: "test" },
    })

    expect(cart).toMatchObject({
      region_id: s.regions.usd.id,
      currency_code: "usd",
      sales_channel_id: s.salesChannelId,
      email: "guest@example.com",
      metadata: { source: "test" },
      shipping_address: { first_name: "Ada", country_code: "us" },
      billing_address: null,
      payment_collection: null,
      item_subtotal: 40,
      total: 40,
    })
    expect(cart.items).toHaveLength(1)
    expect(cart.items[0]).toMatchObject({
      title: "S",
      subtitle: "T-shirt",
      quantity: 2,
      unit_price: 20,
      variant_id: s.product.variants.small.id,
      product_id: s.product.id,
      product_title: "T-shirt",
      product_subtitle: "T-shirt subtitle",
      product_description: "A T-shirt for tests",
      product_handle: s.product.handle,
      thumbnail: `https://example.com/${s.product.handle}.png`,
      variant_sku: s.product.variants.small.sku,
      variant_title: "S",
      variant_option_values: { Size: "S" },
      requires_shipping: true,
      is_discountable: true,
      metadata: { gift: true },
    })
    const [customer] = await t.customers.listCustomers({ id: cart.customer_id! })
    expect(customer).toMatchObject({ email: "guest@example.com", has_account: false })
    const [stored] = await t.rows(`select currency_code, email, customer_id from cart where id = ?`, [cart.id])
    expect(stored).toEqual({ currency_code: "usd", email: "guest@example.com", customer_id: customer!.id })
    expect(await recorder.drain()).toEqual([expect.objectContaining({ name: CartEvents.CREATED, data: { id: cart.id } })])
  })

  test("reuses the guest customer of an email, and a signed-in customer keeps the cart with the email given", async () => {
    const first = (await run({ email: "again@example.com" })).result
    const second = (await run({ email: "AGAIN@example.com" })).result
    expect(second.customer_id).toBe(first.customer_id)

    const member = await t.customers.createCustomers({ email: "member@example.com", has_account: true })
    const { result: cart } = await run({ customer_id: member.id })
    expect(cart).toMatchObject({ customer_id: member.id, email: "member@example.com" })
    const other = (await run({ customer_id: member.id, email: "work@example.com" })).result
    expect(other).toMatchObject({ customer_id: member.id, email: "work@example.com" })
  })

  test("a region with one country fills in the shipping country, and the currency is the region's", async () => {
    const { result: cart } = await run({ region_id: s.regions.eur.id, items: [{ variant_id: s.product.variants.medium.id, quantity: 1 }] })

    expect(cart).toMatchObject({ region_id: s.regions.eur.id, currency_code: "eur", shipping_address: { country_code: "de" }, total: 22 })
    expect(cart.items[0]).toMatchObject({ unit_price: 22 })
  })

  test("the same variant asked twice with the same metadata makes one line", async () => {
    const variant = s.product.variants.small.id
    const { result: cart } = await run({
      items: [
        { variant_id: variant, quantity: 1 },
        { variant_id: variant, quantity: 2 },
        { variant_id: variant, quantity: 1, metadata: { engraving: "A" } },
      ],
    })
    expect(cart.items.map((item) => [item.quantity, item.metadata])).toEqual([
      [3, {}],
      [1, { engraving: "A" }],
    ])
  })

  describe("sales channel", () => {
    test("the publishable key's only channel is used; another channel of the key must be asked for", async () => {
      const web = await t.channels.createSalesChannels({ name: "Web only" })
      const app = await t.channels.createSalesChannels({ name: "App" })
      const key = await t.apiKeys.createApiKeys({ title: "Web key", type: "publishable", created_by: "test" })
      await t.link.create({ api_key: { api_key_id: key.id }, sales_channel: { sales_channel_id: web.id } })

      const { result: cart } = await run({ publishable_key_id: key.id })
      expect(cart.sales_channel_id).toBe(web.id)

      const notOnKey = await workflowFailure(run({ publishable_key_id: key.id, sales_channel_id: app.id }))
      expect(notOnKey.type).toBe("invalid_data")
      expect(notOnKey.message).toBe(`Sales channel ID in payload ${app.id} is not associated with the Publishable API Key in the header.`)

      await t.link.create({ api_key: { api_key_id: key.id }, sales_channel: { sales_channel_id: app.id } })
      const several = await workflowFailure(run({ publishable_key_id: key.id }))
      expect(several.type).toBe("invalid_data")
      expect(several.message).toContain("multiple associated sales channels")
      expect((await run({ publishable_key_id: key.id, sales_channel_id: app.id })).result.sales_channel_id).toBe(app.id)
    })

    test("a disabled or unknown channel is refused", async () => {
      const closed = await t.channels.createSalesChannels({ name: "Closed", is_disabled: true })
      const disabled = await workflowFailure(run({ sales_channel_id: closed.id }))
      expect(disabled).toMatchObject({ type: "invalid_data", message: "Unable to assign cart to disabled Sales Channel: Closed" })

      const unknown = await workflowFailure(run({ sales_channel_id: "sc_missing" }))
      expect(unknown).toMatchObject({ type: "not_found", message: "Sales channel with id: sc_missing was not found" })
    })
  })

  describe("refuses", () => {
    test("an unknown region, another currency than the region's, an address outside the region", async () => {
      expect(await workflowFailure(run({ region_id: "reg_missing" }))).toMatchObject({
        type: "not_found",
        message: "Region with id: reg_missing was not found",
      })
      expect(await workflowFailure(run({ currency_code: "eur" }))).toMatchObject({
        type: "invalid_data",
        message: "Currency code eur does not match the region's currency code usd",
      })
      expect(await workflowFailure(run({ shipping_address: { ...US_ADDRESS, country_code: "FR" } }))).toMatchObject({
        type: "invalid_data",
        message: "Country with code fr is not within region North America",
      })
    })

    test("an invalid email or quantity, naming it", async () => {
      expect(await workflowFailure(run({ email: "not-an-email" }))).toMatchObject({
        type: "invalid_data",
        message: 'The email is not valid: "not-an-email"',
      })
      const zero = await workflowFailure(run({ items: [{ variant_id: s.product.variants.small.id, quantity: 0 }] }))
      expect(zero).toMatchObject({ type: "invalid_data", message: "items[0].quantity must be a whole number of at least 1, got 0" })
    })

    test("variants that are unknown, unpublished, outside the channel or without a price", async () => {
      const draft = await seedProduct(t, s, { title: "Draft mug", status: "draft" })
      const elsewhere = await seedProduct(t, s, { title: "Hidden mug", salesChannelIds: [] })
      const unpriced = await seedProduct(t, s, { title: "Dollar mug", variants: [{ key: "one", prices: { usd: 5 } }] })

      expect(await workflowFailure(run({ items: [{ variant_id: "variant_missing", quantity: 1 }] }))).toMatchObject({
        type: "not_found",
        message: "Variants with IDs variant_missing were not found",
      })
      const draftId = draft.variants.default!.id
      expect(await workflowFailure(run({ items: [{ variant_id: draftId, quantity: 1 }] }))).toMatchObject({
        type: "invalid_data",
        message: `Variants with IDs ${draftId} belong to products that are not published`,
      })
      const hiddenId = elsewhere.variants.default!.id
      expect(await workflowFailure(run({ items: [{ variant_id: hiddenId, quantity: 1 }] }))).toMatchObject({
        type: "invalid_data",
        message: `Variants with IDs ${hiddenId} are not available in sales channel ${s.salesChannelId}`,
      })
      const dollarId = unpriced.variants.one!.id
      expect(await workflowFailure(run({ region_id: s.regions.eur.id, items: [{ variant_id: dollarId, quantity: 1 }] }))).toMatchObject({
        type: "invalid_data",
        message: `Variants with IDs ${dollarId} do not have a price`,
      })
    })

    test("more than the stock of a managed variant, unless it allows backorders or does not manage inventory", async () => {
      const product = await seedProduct(t, s, {
        title: "Poster",
        variants: [
          { key: "scarce", stock: 2 },
          { key: "backorder", stock: 0, allow_backorder: true },
          { key: "digital", manage_inventory: false },
          { key: "pair", stock: 5, required_quantity: 2 },
        ],
      })
      const scarce = product.variants.scarce!
      const error = await workflowFailure(run({ items: [{ variant_id: scarce.id, quantity: 3 }] }))
      expect(error.type).toBe("not_allowed")
      expect(error.code).toBe("insufficient_inventory")
      expect(error.message).toContain("Some variant does not have the required inventory")
      expect(error.message).toContain(scarce.id)

      const pair = await workflowFailure(run({ items: [{ variant_id: product.variants.pair!.id, quantity: 3 }] }))
      expect(pair.message).toContain(product.variants.pair!.id)

      const { result: cart } = await run({
        items: [
          { variant_id: scarce.id, quantity: 2 },
          { variant_id: product.variants.backorder!.id, quantity: 4 },
          { variant_id: product.variants.digital!.id, quantity: 100 },
          { variant_id: product.variants.pair!.id, quantity: 2 },
        ],
      })
      expect(cart.items.map((item) => item.quantity)).toEqual([2, 4, 100, 2])
    })
  })

  describe("leaves nothing behind", () => {
    test("when the validate hook refuses: no customer is created", async () => {
      const before = await cartFootprint(t)
      refuse = "blocked by a rule"
      expect(await failureMessage(run({ email: "refused@example.com" }))).toContain("blocked by a rule")
      expect(await cartFootprint(t)).toEqual(before)
    })

    test("when the customer cannot be created", async () => {
      const before = await cartFootprint(t)
      const scope = scopeFailing(t, "customer", "findOrCreateGuest")
      expect(await failureMessage(run({ email: "nocustomer@example.com" }, scope))).toContain("customer.findOrCreateGuest is down")
      expect(await cartFootprint(t)).toEqual(before)
    })

    test("when the cart cannot be created: the guest customer made for it is deleted", async () => {
      const before = await cartFootprint(t)
      const recorder = await recordEvents(t, [CartEvents.CREATED])
      const scope = scopeFailing(t, "cart", "createCarts")
      expect(await failureMessage(run({ email: "nocart@example.com", items: [{ variant_id: s.product.variants.small.id, quantity: 1 }] }, scope))).toContain(
        "cart.createCarts is down",
      )
      expect(await cartFootprint(t)).toEqual(before)
      expect(await recorder.drain()).toEqual([])
    })

    test("when the event cannot be raised, or a cartCreated handler fails: cart, lines, address and customer are deleted", async () => {
      const before = await cartFootprint(t)
      const recorder = await recordEvents(t, [CartEvents.CREATED])
      const input = { email: "late@example.com", shipping_address: US_ADDRESS, items: [{ variant_id: s.product.variants.small.id, quantity: 1 }] }

      expect(await failureMessage(run(input, scopeFailing(t, "eventBus", "emit")))).toContain("eventBus.emit is down")
      expect(await cartFootprint(t)).toEqual(before)

      failHook = "downstream system said no"
      expect(await failureMessage(run(input))).toContain("downstream system said no")
      expect(await cartFootprint(t)).toEqual(before)
      expect(await t.customers.listCustomers({ email: "late@example.com" })).toEqual([])
      expect(await recorder.drain()).toEqual([])
    })
  })
})
