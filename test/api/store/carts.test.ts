import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { seedProduct } from "../../workflows/cart/seed.ts"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"
import { signedInCustomer, storeFootprint, US_ADDRESS } from "./carts-helpers.ts"

let t: HttpApp
let small: string
let medium: string

beforeAll(async () => {
  t = await startHttpApp()
  small = t.store.product.variants.small.id
  medium = t.store.product.variants.medium.id
})
afterAll(() => t?.close())

type Cart = Record<string, unknown> & { id: string; items: { id: string; variant_id: string; quantity: number; unit_price: number; metadata: unknown }[] }

async function createCart(body: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Cart> {
  const res = await t.storefront.post("/store/carts", { items: [{ variant_id: small, quantity: 1 }], ...body }, { headers })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().cart
}

/** Sends a request that must be refused, and checks that it changed nothing. */
async function refused(send: () => Promise<{ statusCode: number; json(): unknown }>, status: number): Promise<{ type: string; message: string; code?: string }> {
  const before = await storeFootprint(t)
  const res = await send()
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status)
  expect(await storeFootprint(t)).toEqual(before)
  return res.json() as { type: string; message: string; code?: string }
}

describe("POST /store/carts", () => {
  test("creates a guest cart in the default region and the key's channel, priced, with the default fields", async () => {
    const res = await t.storefront.post("/store/carts", {
      email: "Guest@Example.com",
      shipping_address: US_ADDRESS,
      items: [{ variant_id: small, quantity: 2 }],
    })

    expect(res.statusCode).toBe(200)
    const { cart } = res.json()
    expect(cart).toMatchObject({
      id: expect.stringMatching(/^cart_/),
      region_id: t.store.regions.usd.id,
      currency_code: "usd",
      sales_channel_id: t.store.salesChannelId,
      email: "guest@example.com",
      completed_at: null,
      region: { id: t.store.regions.usd.id, name: "North America", currency_code: "usd", automatic_taxes: true },
      shipping_address: { id: expect.stringMatching(/^caaddr_/), first_name: "Ada", country_code: "us" },
      billing_address: null,
      shipping_methods: [],
      payment_collection: null,
      promotions: [],
      item_subtotal: 40,
      subtotal: 40,
      shipping_total: 0,
      tax_total: 0,
      discount_total: 0,
      total: 40,
    })
    expect(cart.region.countries.map((country: { iso_2: string }) => country.iso_2).sort()).toEqual(["ca", "us"])
    expect(cart.items).toHaveLength(1)
    expect(cart.items[0]).toMatchObject({
      id: expect.stringMatching(/^cali_/),
      variant_id: small,
      product_id: t.store.product.id,
      title: "S",
      subtitle: "T-shirt",
      product_title: "T-shirt",
      variant_sku: t.store.product.variants.small.sku,
      quantity: 2,
      unit_price: 20,
      requires_shipping: true,
      subtotal: 40,
      total: 40,
      tax_lines: [],
      adjustments: [],
      product: { id: t.store.product.id, title: "T-shirt", handle: t.store.product.handle },
      variant: { id: small, sku: t.store.product.variants.small.sku },
    })
    // A guest with an email is a customer without an account.
    expect(cart.customer).toEqual({ id: cart.customer_id, email: "guest@example.com" })
  })

  test("a signed-in customer's cart is theirs, with their email", async () => {
    const ada = await signedInCustomer(t, "ada@example.com")

    const cart = await createCart({}, ada.headers)

    expect(cart).toMatchObject({ customer_id: ada.id, email: "ada@example.com", customer: { id: ada.id, email: "ada@example.com" } })
  })

  test("another region's cart takes its currency and prices", async () => {
    const cart = await createCart({ region_id: t.store.regions.eur.id, items: [{ variant_id: medium, quantity: 1 }] })
    expect(cart).toMatchObject({ currency_code: "eur", total: 22, items: [{ unit_price: 22 }] })
  })

  test("fields replace or extend the default set", async () => {
    const res = await t.storefront.post("/store/carts?fields=id,total,items.quantity", { items: [{ variant_id: small, quantity: 3 }] })
    expect(res.statusCode).toBe(200)
    const { cart } = res.json()
    expect(Object.keys(cart).sort()).toEqual(["id", "items", "total"])
    expect(cart.total).toBe(60)
    expect(cart.items).toEqual([{ id: expect.any(String), quantity: 3 }])

    const extended = await t.storefront.get(`/store/carts/${cart.id}?fields=-items,-region,+metadata`)
    expect(extended.statusCode).toBe(200)
    expect(extended.json().cart).not.toHaveProperty("items")
    expect(extended.json().cart).not.toHaveProperty("region")
    expect(extended.json().cart).toMatchObject({ metadata: null, total: 60 })

    const unknown = await t.storefront.get(`/store/carts/${cart.id}?fields=id,colour`)
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toContain("colour")
  })

  test("a body with an unknown field, a bad quantity or email is a 400 naming it, and creates nothing", async () => {
    const unknown = await refused(() => t.storefront.post("/store/carts", { colour: "red" }), 400)
    expect(unknown).toEqual({ type: "invalid_data", message: "Invalid request: Unrecognized fields: 'colour'" })

    const zero = await refused(() => t.storefront.post("/store/carts", { items: [{ variant_id: small, quantity: 0 }] }), 400)
    expect(zero.message).toContain("items.0.quantity")
    const fraction = await refused(() => t.storefront.post("/store/carts", { items: [{ variant_id: small, quantity: 1.5 }] }), 400)
    expect(fraction.message).toContain("items.0.quantity")
    const text = await refused(() => t.storefront.post("/store/carts", { items: [{ variant_id: small, quantity: "2" }] }), 400)
    expect(text.message).toBe("Invalid request: Expected type: 'number' for field 'items.0.quantity', got: 'string'")

    const email = await refused(() => t.storefront.post("/store/carts", { email: "not-an-email" }), 400)
    expect(email.message).toContain("email")
    const address = await refused(() => t.storefront.post("/store/carts", { shipping_address: { ...US_ADDRESS, street: "x" } }), 400)
    expect(address.message).toBe("Invalid request: Unrecognized fields: 'shipping_address.street'")
  })

  test("business rules refuse the cart and leave nothing behind", async () => {
    expect(await refused(() => t.storefront.post("/store/carts", { region_id: "reg_missing" }), 404)).toEqual({
      type: "not_found",
      message: "Region with id: reg_missing was not found",
    })
    expect(await refused(() => t.storefront.post("/store/carts", { shipping_address: { ...US_ADDRESS, country_code: "de" } }), 400)).toMatchObject({
      message: "Country with code de is not within region North America",
    })
    expect(await refused(() => t.storefront.post("/store/carts", { items: [{ variant_id: "variant_missing", quantity: 1 }] }), 404)).toMatchObject({
      message: "Variants with IDs variant_missing were not found",
    })
    const dollarOnly = await seedProduct(t, t.store, { variants: [{ key: "one", prices: { usd: 5 } }] })
    const unpriced = dollarOnly.variants.one!.id
    expect(
      await refused(() => t.storefront.post("/store/carts", { region_id: t.store.regions.eur.id, items: [{ variant_id: unpriced, quantity: 1 }] }), 400),
    ).toMatchObject({ type: "invalid_data", message: `Variants with IDs ${unpriced} do not have a price` })

    const stock = await refused(() => t.storefront.post("/store/carts", { items: [{ variant_id: small, quantity: 11 }] }), 400)
    expect(stock).toMatchObject({ type: "not_allowed", code: "insufficient_inventory" })
    expect(stock.message).toContain("Some variant does not have the required inventory")
  })
})

describe("sales channel of the publishable key (API.md §4)", () => {
  async function keyWith(channelIds: string[]): Promise<string> {
    const key = await t.apiKeys.createApiKeys({ title: `Key ${channelIds.length}`, type: "publishable", created_by: "test" })
    await t.link.create(channelIds.map((id) => ({ api_key: { api_key_id: key.id }, sales_channel: { sales_channel_id: id } })))
    return key.token
  }

  test("a channel not on the key, or none given for a key with several, is refused; a key's channel may be chosen", async () => {
    const popUp = await t.channels.createSalesChannels({ name: "Pop-up" })
    const both = await keyWith([t.store.salesChannelId, popUp.id])
    const headers = { "x-publishable-api-key": both }

    const several = await refused(() => t.anonymous.post("/store/carts", {}, { headers }), 400)
    expect(several.message).toContain("multiple associated sales channels")

    const single = await keyWith([t.store.salesChannelId])
    const notOnKey = await refused(
      () => t.anonymous.post("/store/carts", { sales_channel_id: popUp.id }, { headers: { "x-publishable-api-key": single } }),
      400,
    )
    expect(notOnKey.message).toBe(`Sales channel ID in payload ${popUp.id} is not associated with the Publishable API Key in the header.`)

    const chosen = await t.anonymous.post("/store/carts", { sales_channel_id: popUp.id }, { headers })
    expect(chosen.statusCode).toBe(200)
    expect(chosen.json().cart.sales_channel_id).toBe(popUp.id)
  })
})

describe("GET /store/carts/:id and customer scoping", () => {
  test("an unknown cart is a 404", async () => {
    const res = await t.storefront.get("/store/carts/cart_missing")
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ type: "not_found", message: "Cart with id: cart_missing was not found" })
  })

  test("a guest's cart is reached by its id, with or without a token", async () => {
    const cart = await createCart({ email: "walk-in@example.com" })
    const grace = await signedInCustomer(t, "grace@example.com")

    expect((await t.storefront.get(`/store/carts/${cart.id}`)).statusCode).toBe(200)
    expect((await t.storefront.get(`/store/carts/${cart.id}`, { headers: grace.headers })).statusCode).toBe(200)
  })

  test("a registered customer's cart is not found for anyone else, whatever they try", async () => {
    const owner = await signedInCustomer(t, "owner@example.com")
    const other = await signedInCustomer(t, "other@example.com")
    const cart = await createCart({ shipping_address: US_ADDRESS }, owner.headers)
    const line = cart.items[0]!.id
    const notFound = { type: "not_found", message: `Cart with id: ${cart.id} was not found` }

    expect((await t.storefront.get(`/store/carts/${cart.id}`, { headers: owner.headers })).statusCode).toBe(200)
    for (const headers of [{}, other.headers]) {
      const attempts = [
        () => t.storefront.get(`/store/carts/${cart.id}`, { headers }),
        () => t.storefront.post(`/store/carts/${cart.id}`, { email: "thief@example.com" }, { headers }),
        () => t.storefront.post(`/store/carts/${cart.id}/line-items`, { variant_id: small, quantity: 1 }, { headers }),
        () => t.storefront.post(`/store/carts/${cart.id}/line-items/${line}`, { quantity: 5 }, { headers }),
        () => t.storefront.delete(`/store/carts/${cart.id}/line-items/${line}`, { headers }),
        () => t.storefront.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: t.store.shippingOption.id }, { headers }),
        () => t.storefront.post(`/store/carts/${cart.id}/complete`, undefined, { headers }),
        () => t.storefront.post("/store/payment-collections", { cart_id: cart.id }, { headers }),
        () => t.storefront.get(`/store/shipping-options?cart_id=${cart.id}`, { headers }),
      ]
      for (const attempt of attempts) expect(await refused(attempt, 404)).toEqual(notFound)
    }
  })
})

describe("POST /store/carts/:id", () => {
  test("sets email and addresses; a signed-in customer's update makes the cart theirs", async () => {
    const cart = await createCart()
    const res = await t.storefront.post(`/store/carts/${cart.id}`, {
      email: "later@example.com",
      shipping_address: US_ADDRESS,
      billing_address: { ...US_ADDRESS, first_name: "Billing" },
      metadata: { gift: true },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().cart).toMatchObject({
      email: "later@example.com",
      shipping_address: { first_name: "Ada", country_code: "us" },
      billing_address: { first_name: "Billing" },
      metadata: { gift: true },
    })

    const linus = await signedInCustomer(t, "linus@example.com")
    const claimed = await t.storefront.post(`/store/carts/${cart.id}`, {}, { headers: linus.headers })
    expect(claimed.json().cart).toMatchObject({ customer_id: linus.id, email: "linus@example.com" })
    expect((await t.storefront.get(`/store/carts/${cart.id}`)).statusCode).toBe(404)
  })

  test("changing the region switches the currency, prices the lines again and drops shipping methods", async () => {
    const cart = await createCart({ shipping_address: US_ADDRESS, items: [{ variant_id: small, quantity: 2 }, { variant_id: medium, quantity: 1 }] })
    await t.storefront.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: t.store.shippingOption.id })
    expect((await t.storefront.get(`/store/carts/${cart.id}`)).json().cart).toMatchObject({ total: 75, shipping_total: 10 })

    const res = await t.storefront.post(`/store/carts/${cart.id}`, { region_id: t.store.regions.eur.id })

    expect(res.statusCode).toBe(200)
    const updated = res.json().cart
    expect(updated).toMatchObject({
      region_id: t.store.regions.eur.id,
      currency_code: "eur",
      region: { name: "Germany", currency_code: "eur" },
      shipping_methods: [],
      shipping_address: { first_name: "Ada", country_code: "de" },
      item_subtotal: 58,
      shipping_total: 0,
      total: 58,
    })
    const prices = Object.fromEntries(updated.items.map((item: { variant_id: string; unit_price: number }) => [item.variant_id, item.unit_price]))
    expect(prices).toEqual({ [small]: 18, [medium]: 22 })
  })

  test("refusals change nothing", async () => {
    const cart = await createCart({ shipping_address: US_ADDRESS })
    expect((await refused(() => t.storefront.post(`/store/carts/${cart.id}`, { email: "nope" }), 400)).message).toContain("email")
    expect((await refused(() => t.storefront.post(`/store/carts/${cart.id}`, { customer_id: "cus_1" }), 400)).message).toBe(
      "Invalid request: Unrecognized fields: 'customer_id'",
    )
    expect(await refused(() => t.storefront.post(`/store/carts/${cart.id}`, { shipping_address: { ...US_ADDRESS, country_code: "de" } }), 400)).toMatchObject({
      message: "Country with code de is not within region North America",
    })
    expect(await refused(() => t.storefront.post(`/store/carts/${cart.id}`, { region_id: "reg_missing" }), 404)).toMatchObject({
      message: "Region with id: reg_missing was not found",
    })
    expect(await refused(() => t.storefront.post("/store/carts/cart_missing", { email: "a@example.com" }), 404)).toMatchObject({
      message: "Cart with id: cart_missing was not found",
    })
  })
})

describe("line items", () => {
  test("the same variant with the same metadata adds to its line; other metadata is another line", async () => {
    const cart = await createCart({ items: [{ variant_id: small, quantity: 1 }] })

    const merged = await t.storefront.post(`/store/carts/${cart.id}/line-items`, { variant_id: small, quantity: 2 })
    expect(merged.statusCode).toBe(200)
    expect(merged.json().cart.items).toHaveLength(1)
    expect(merged.json().cart.items[0]).toMatchObject({ id: cart.items[0]!.id, quantity: 3, unit_price: 20, subtotal: 60 })
    expect(merged.json().cart.total).toBe(60)

    const engraved = await t.storefront.post(`/store/carts/${cart.id}/line-items`, { variant_id: small, quantity: 1, metadata: { engraving: "A" } })
    const items = engraved.json().cart.items as Cart["items"]
    expect(items.map((item) => [item.quantity, item.metadata]).sort()).toEqual([[1, { engraving: "A" }], [3, {}]])
    expect(engraved.json().cart.total).toBe(80)
  })

  test("a line's quantity changes, 0 removes it, and DELETE answers with the cart as parent", async () => {
    const cart = await createCart({ items: [{ variant_id: small, quantity: 1 }, { variant_id: medium, quantity: 1 }] })
    const [first, second] = cart.items.map((item) => item.id) as [string, string]

    const changed = await t.storefront.post(`/store/carts/${cart.id}/line-items/${first}`, { quantity: 4 })
    expect(changed.statusCode).toBe(200)
    expect(changed.json().cart.items.find((item: { id: string }) => item.id === first).quantity).toBe(4)

    const removed = await t.storefront.post(`/store/carts/${cart.id}/line-items/${first}`, { quantity: 0 })
    expect(removed.json().cart.items.map((item: { id: string }) => item.id)).toEqual([second])

    const deleted = await t.storefront.delete(`/store/carts/${cart.id}/line-items/${second}`)
    expect(deleted.statusCode).toBe(200)
    const body = deleted.json()
    expect(body).toMatchObject({ id: second, object: "line-item", deleted: true, parent: { id: cart.id, items: [], total: 0 } })
  })

  test("refused changes leave the cart as it was", async () => {
    const cart = await createCart({ items: [{ variant_id: small, quantity: 1 }] })
    const line = cart.items[0]!.id

    expect((await refused(() => t.storefront.post(`/store/carts/${cart.id}/line-items`, { variant_id: small, quantity: 0 }), 400)).message).toContain(
      "quantity",
    )
    expect((await refused(() => t.storefront.post(`/store/carts/${cart.id}/line-items`, { variant_id: small }), 400)).message).toBe(
      "Invalid request: Field 'quantity' is required",
    )
    expect(
      (await refused(() => t.storefront.post(`/store/carts/${cart.id}/line-items`, { variant_id: small, quantity: 1, colour: "red" }), 400)).message,
    ).toContain("colour")
    expect(await refused(() => t.storefront.post(`/store/carts/${cart.id}/line-items`, { variant_id: medium, quantity: 11 }), 400)).toMatchObject({
      type: "not_allowed",
      code: "insufficient_inventory",
    })
    expect((await refused(() => t.storefront.post(`/store/carts/${cart.id}/line-items/${line}`, { quantity: -1 }), 400)).message).toContain("quantity")
    expect(await refused(() => t.storefront.post(`/store/carts/${cart.id}/line-items/${line}`, { quantity: 11 }), 400)).toMatchObject({
      code: "insufficient_inventory",
    })
    expect(await refused(() => t.storefront.post(`/store/carts/${cart.id}/line-items/cali_missing`, { quantity: 1 }), 404)).toEqual({
      type: "not_found",
      message: "Line item with id: cali_missing was not found",
    })
    expect(await refused(() => t.storefront.delete(`/store/carts/${cart.id}/line-items/cali_missing`), 404)).toMatchObject({
      message: "Line item with id: cali_missing was not found",
    })
  })

  test("a completed cart takes no more changes", async () => {
    const cart = await createCart()
    await t.carts.updateCarts({ id: cart.id, completed_at: new Date() })
    const completed = { type: "invalid_data", message: `Cart ${cart.id} is already completed.` }

    expect(await refused(() => t.storefront.post(`/store/carts/${cart.id}/line-items`, { variant_id: small, quantity: 1 }), 400)).toEqual(completed)
    expect(await refused(() => t.storefront.post(`/store/carts/${cart.id}`, { email: "late@example.com" }), 400)).toEqual(completed)
    expect(await refused(() => t.storefront.delete(`/store/carts/${cart.id}/line-items/${cart.items[0]!.id}`), 400)).toEqual(completed)
  })
})
