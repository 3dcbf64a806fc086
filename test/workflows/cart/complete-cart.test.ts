import { afterAll, beforeAll, expect, test } from "vitest"
import { completeCartWorkflow } from "../../../src/workflows/cart/workflows/complete-cart.ts"
import { OrderEvents } from "../../../src/workflows/order/events.ts"
import { footprint, paymentStatusOf, recordEvents, startCheckoutApp, workflowFailure } from "../order/checkout-app.ts"
import type { CheckoutApp } from "../order/checkout-app.ts"
import { seedCart, seedProduct, seedStore } from "../order/seed.ts"
import type { SeededStore } from "../order/seed.ts"

let t: CheckoutApp
let store: SeededStore
let placed: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCheckoutApp()
  store = await seedStore(t)
  placed = await recordEvents(t, [OrderEvents.PLACED])
})
afterAll(() => t.close())

const complete = (cartId: string) => completeCartWorkflow(t.container).run({ input: { id: cartId }, transactionId: cartId })

test("completing a cart places a pending order copied from it, holds its stock, authorizes its payment and links it all", async () => {
  const mug = await seedProduct(t, store, { stock: 10 })
  const bundle = await seedProduct(t, store, { stock: 10, required_quantity: 2 })
  const { cart, paymentCollectionId, sessionId } = await seedCart(t, store, [
    { product: mug, quantity: 2, unit_price: 15 },
    { product: bundle, quantity: 1, unit_price: 7.5 },
  ], { customerId: "cus_ada" })
  expect(cart.total).toBe(47.5)
  await placed.clear()

  const { result } = await complete(cart.id)

  const order = await t.orders.retrieveOrder(result.id)
  expect(order).toMatchObject({
    status: "pending",
    email: "ada@example.com",
    currency_code: "usd",
    region_id: store.regionId,
    customer_id: "cus_ada",
    sales_channel_id: store.salesChannelId,
    total: 47.5,
    shipping_address: { first_name: "Ada", address_1: "12 Analytical Row", country_code: "us" },
    billing_address: { first_name: "Billing" },
    shipping_methods: [{ name: "Standard", amount: 10, shipping_option_id: store.shippingOptionId }],
    fulfillment_status: "not_fulfilled",
  })
  const lines = order.items.map((item) => [item.variant_id, item.quantity, item.unit_price])
  expect(lines).toEqual(expect.arrayContaining([[mug.variantId, 2, 15], [bundle.variantId, 1, 7.5]]))

  // One reservation per order line and inventory item, quantity × required_quantity, at the channel's location.
  const reservations = await t.inventory.listReservationItems({ line_item_id: order.items.map((item) => item.id) })
  const byItem = Object.fromEntries(reservations.map((r) => [r.inventory_item_id, [r.quantity, r.location_id, r.line_item_id]]))
  const lineOf = (variantId: string) => order.items.find((item) => item.variant_id === variantId)!.id
  expect(byItem).toEqual({
    [mug.inventoryItemId!]: [2, store.locationId, lineOf(mug.variantId)],
    [bundle.inventoryItemId!]: [2, store.locationId, lineOf(bundle.variantId)],
  })
  expect((await t.inventory.retrieveInventoryLevelByItemAndLocation(mug.inventoryItemId!, store.locationId)).available_quantity).toBe(8)

  const session = await t.payment.retrievePaymentSession(sessionId!)
  expect(session.status).toBe("authorized")
  const collection = await t.payment.retrievePaymentCollection(paymentCollectionId!)
  expect(collection).toMatchObject({ status: "authorized", authorized_amount: "47.5" })
  expect(await t.payment.listPayments({ payment_session_id: sessionId! })).toHaveLength(1)
  expect(await paymentStatusOf(t, order.id)).toBe("authorized")

  const { data } = await t.query.graph({ entity: "order", fields: ["cart.id", "payment_collections.id"], filters: { id: order.id } })
  expect(data[0]).toMatchObject({ cart: { id: cart.id }, payment_collections: [{ id: paymentCollectionId }] })
  expect((await t.carts.retrieveCart(cart.id)).completed_at).toBeInstanceOf(Date)
  expect(await t.locking.ownerOf(cart.id)).toBeUndefined()

  expect((await placed.drain()).map((event) => event.data)).toEqual([{ id: order.id }])
})

test("completing a completed cart answers with the same order and changes nothing", async () => {
  const mug = await seedProduct(t, store)
  const { cart } = await seedCart(t, store, [{ product: mug, quantity: 1 }])
  const { result: first } = await complete(cart.id)
  await placed.drain()
  await placed.clear()
  const before = await footprint(t)

  // A new transaction: the answer comes from the order↔cart link, not from the stored run.
  const { result: again } = await completeCartWorkflow(t.container).run({ input: { id: cart.id } })

  expect(again).toEqual(first)
  expect(await footprint(t)).toEqual(before)
  expect(await placed.drain()).toEqual([])
})

test("a cart with nothing to pay completes without a payment", async () => {
  const freebie = await seedProduct(t, store, { manage_inventory: false })
  const { cart } = await seedCart(t, store, [{ product: freebie, quantity: 1, unit_price: 0, requires_shipping: false }], {
    shipping: false,
    payment: false,
  })

  const { result } = await complete(cart.id)

  expect((await t.orders.retrieveOrder(result.id)).total).toBe(0)
  expect(await t.inventory.listReservationItems({ line_item_id: (await t.orders.retrieveOrder(result.id)).items.map((i) => i.id) })).toEqual([])
  expect(await paymentStatusOf(t, result.id)).toBe("not_paid")
})

test("a variant that does not manage its inventory is not reserved; a backordered one is reserved beyond stock", async () => {
  const unmanaged = await seedProduct(t, store, { manage_inventory: false })
  const backordered = await seedProduct(t, store, { stock: 1, allow_backorder: true })
  const { cart } = await seedCart(t, store, [
    { product: unmanaged, quantity: 3 },
    { product: backordered, quantity: 4 },
  ])

  const { result } = await complete(cart.id)

  const order = await t.orders.retrieveOrder(result.id)
  const reservations = await t.inventory.listReservationItems({ line_item_id: order.items.map((item) => item.id) })
  expect(reservations.map((r) => [r.inventory_item_id, r.quantity, r.allow_backorder])).toEqual([[backordered.inventoryItemId, 4, true]])
  expect((await t.inventory.retrieveInventoryLevelByItemAndLocation(backordered.inventoryItemId!, store.locationId)).available_quantity).toBe(-3)
})

test("a cart that cannot be completed is refused with the reason, before anything is written", async () => {
  const mug = await seedProduct(t, store, { stock: 2 })
  const cases: { name: string; cartId: () => Promise<string>; type: string; message: string | RegExp; code?: string }[] = [
    {
      name: "unknown cart",
      cartId: async () => "cart_missing",
      type: "not_found",
      message: "Cart with id: cart_missing was not found",
    },
    {
      name: "no items",
      cartId: async () => (await seedCart(t, store, [], { payment: false, shipping: false })).cart.id,
      type: "invalid_data",
      message: /has no items/,
    },
    {
      name: "no shipping method",
      cartId: async () => (await seedCart(t, store, [{ product: mug, quantity: 1 }], { shipping: false })).cart.id,
      type: "invalid_data",
      message: "No shipping method selected but the cart contains items that require shipping.",
    },
    {
      name: "no payment collection",
      cartId: async () => (await seedCart(t, store, [{ product: mug, quantity: 1 }], { payment: false })).cart.id,
      type: "invalid_data",
      message: /^Payment collection has not been initiated for cart cart_/,
    },
    {
      name: "no payment session",
      cartId: async () => (await seedCart(t, store, [{ product: mug, quantity: 1 }], { payment: "no-session" })).cart.id,
      type: "invalid_data",
      message: /^Payment sessions are required to complete cart cart_/,
    },
    {
      name: "payment collection for another amount",
      cartId: async () => (await seedCart(t, store, [{ product: mug, quantity: 1 }], { collectionAmount: 20 })).cart.id,
      type: "invalid_data",
      message: /^Payment collection pay_col_\w+ amount 20 does not match the total 25 of cart cart_\w+: refresh the payment collection$/,
    },
    {
      name: "more than the stock",
      cartId: async () => (await seedCart(t, store, [{ product: mug, quantity: 3 }])).cart.id,
      type: "not_allowed",
      code: "insufficient_inventory",
      message: `Some variant does not have the required inventory: variant ${mug.variantId} (${mug.sku}) needs 3 of inventory item ${mug.inventoryItemId}, and at most 2 is available at one stock location of sales channel ${store.salesChannelId}`,
    },
    {
      name: "a cart without a sales channel",
      cartId: async () => (await seedCart(t, store, [{ product: mug, quantity: 1 }], { salesChannelId: null })).cart.id,
      type: "invalid_data",
      message: "A sales channel is required to check the inventory of the items: sales_channel_id is missing",
    },
  ]
  for (const c of cases) {
    const cartId = await c.cartId()
    const before = await footprint(t)

    const error = await workflowFailure(complete(cartId))

    expect({ name: c.name, type: error.type, code: error.code }).toEqual({ name: c.name, type: c.type, code: c.code })
    if (typeof c.message === "string") expect(error.message).toBe(c.message)
    else expect(error.message).toMatch(c.message)
    expect(await footprint(t), c.name).toEqual(before)
  }
})

test("a shipping method whose option is no longer offered for the cart is refused", async () => {
  const mug = await seedProduct(t, store)
  const { cart } = await seedCart(t, store, [{ product: mug, quantity: 1 }])
  // The cart's address moves to a country the option's service zone does not cover.
  await t.carts.setAddresses(cart.id, { shipping_address: { address_1: "1 Rue", city: "Paris", country_code: "fr" } })
  const before = await footprint(t)

  const error = await workflowFailure(complete(cart.id))

  expect(error.type).toBe("invalid_data")
  expect(error.message).toBe(`Shipping option ${store.shippingOptionId} is not available for the shipping address and context given`)
  expect(await footprint(t)).toEqual(before)
})

test("a sales channel without a stock location cannot sell managed stock", async () => {
  const channel = await t.channels.createSalesChannels({ name: "Pop-up" })
  const mug = await seedProduct(t, store)
  const { cart } = await seedCart(t, store, [{ product: mug, quantity: 1, requires_shipping: false }], { salesChannelId: channel.id, shipping: false })

  const error = await workflowFailure(complete(cart.id))

  expect(error.type).toBe("invalid_data")
  expect(error.message).toBe(`Sales channel ${channel.id} is not associated with any stock location.`)
})

test("the stock comes from the first of the channel's locations that covers the whole quantity", async () => {
  const small = await t.locations.createStockLocations({ name: "Corner shop" })
  const big = await t.locations.createStockLocations({ name: "Depot" })
  const channel = await t.channels.createSalesChannels({ name: "Two locations" })
  await t.link.create([
    { sales_channel: { sales_channel_id: channel.id }, stock_location: { stock_location_id: small.id } },
    { sales_channel: { sales_channel_id: channel.id }, stock_location: { stock_location_id: big.id } },
  ])
  const mug = await seedProduct(t, store, { stock: 1, locationId: small.id })
  await t.inventory.createInventoryLevels({ inventory_item_id: mug.inventoryItemId!, location_id: big.id, stocked_quantity: 5 })
  const { cart } = await seedCart(t, store, [{ product: mug, quantity: 3, requires_shipping: false }], { salesChannelId: channel.id, shipping: false })

  const { result } = await complete(cart.id)

  const order = await t.orders.retrieveOrder(result.id)
  const [reservation] = await t.inventory.listReservationItems({ line_item_id: order.items[0]!.id })
  expect(reservation).toMatchObject({ location_id: big.id, quantity: 3 })
})
