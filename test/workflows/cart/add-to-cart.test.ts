import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { LOCKING_KEY } from "../../../src/framework/locking/index.ts"
import type { LockingService } from "../../../src/framework/locking/index.ts"
import { StepResponse } from "../../../src/framework/workflows-sdk/index.ts"
import {
  addToCartWorkflow,
  CartEvents,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "../../../src/workflows/cart/index.ts"
import type { AddToCartWorkflowInput } from "../../../src/workflows/cart/index.ts"
import { readCartWithLinks } from "../../../src/workflows/cart/utils/read-cart.ts"
import type { Query } from "../../../src/framework/modules/index.ts"
import { cartFootprint, failureMessage, recordEvents, scopeFailing, startCommerceApp, workflowFailure } from "./app.ts"
import type { CommerceApp } from "./app.ts"
import { markCompleted, newCart } from "./carts.ts"
import { SYSTEM_PAYMENT_PROVIDER, seedProduct, seedStore } from "./seed.ts"
import type { SeededStore } from "./seed.ts"

let t: CommerceApp
let s: SeededStore
let refuse: string | undefined

beforeAll(async () => {
  t = await startCommerceApp()
  s = await seedStore(t)
  addToCartWorkflow.hooks.validate(async ({ cart }) => {
    if (refuse) throw new Error(`${refuse} (${cart.id})`)
    return new StepResponse(undefined)
  })
})
afterAll(() => t.close())
beforeEach(() => {
  refuse = undefined
})

/** Runs the workflow, which returns nothing, and reads the cart after it as the route does. */
const add = async (input: AddToCartWorkflowInput, container = t.container) => {
  const run = await addToCartWorkflow(container).run({ input })
  expect(run.result).toBeUndefined()
  return { result: await readCartWithLinks(t.container.resolve<Query>("query"), input.cart_id) }
}
const lines = async (cartId: string) =>
  t.rows<{ variant_id: string; quantity: number; unit_price: string }>(
    `select variant_id, quantity, unit_price::text as unit_price from cart_line_item where cart_id = ? and deleted_at is null order by created_at, id`,
    [cartId],
  )

describe("addToCartWorkflow", () => {
  test("adds a new line priced for the cart, adds to the line of the same variant and metadata, and announces the change", async () => {
    const cart = await newCart(t, s)
    const small = s.product.variants.small.id
    const medium = s.product.variants.medium.id
    const recorder = await recordEvents(t, [CartEvents.UPDATED])

    const { result } = await add({
      cart_id: cart.id,
      items: [
        { variant_id: small, quantity: 2 },
        { variant_id: medium, quantity: 1, metadata: { gift: true } },
      ],
    })

    expect(result.items.map((item) => [item.variant_id, item.quantity, item.unit_price, item.metadata])).toEqual([
      [small, 3, 20, {}],
      [medium, 1, 25, { gift: true }],
    ])
    expect(result.total).toBe(85)
    expect(await lines(cart.id)).toEqual([
      { variant_id: small, quantity: 3, unit_price: "20" },
      { variant_id: medium, quantity: 1, unit_price: "25" },
    ])
    expect(await recorder.drain()).toEqual([expect.objectContaining({ name: CartEvents.UPDATED, data: { id: cart.id } })])

    const other = await add({ cart_id: cart.id, items: [{ variant_id: medium, quantity: 1, metadata: { gift: false } }] })
    expect(other.result.items).toHaveLength(3)
  })

  test("checks the stock for what the cart will hold of the variant, not just what is added", async () => {
    const cart = await newCart(t, s, { items: [{ variant_id: s.product.variants.medium.id, quantity: 8 }] })

    const error = await workflowFailure(add({ cart_id: cart.id, items: [{ variant_id: s.product.variants.medium.id, quantity: 3 }] }))

    expect(error).toMatchObject({ type: "not_allowed", code: "insufficient_inventory" })
    expect(error.message).toContain(s.product.variants.medium.id)
    expect(await lines(cart.id)).toEqual([{ variant_id: s.product.variants.medium.id, quantity: 8, unit_price: "25" }])
  })

  test("refuses a completed cart, an unknown cart, and a channel without stock location for managed variants", async () => {
    const cart = await newCart(t, s)
    await markCompleted(t, cart.id)
    expect(await workflowFailure(add({ cart_id: cart.id, items: [{ variant_id: s.product.variants.small.id, quantity: 1 }] }))).toMatchObject({
      type: "invalid_data",
      message: `Cart ${cart.id} is already completed.`,
    })
    expect(await workflowFailure(add({ cart_id: "cart_missing", items: [] }))).toMatchObject({
      type: "not_found",
      message: "Cart with id: cart_missing was not found",
    })

    const popUp = await t.channels.createSalesChannels({ name: "Pop-up" })
    const product = await seedProduct(t, s, { title: "Pop-up mug", salesChannelIds: [popUp.id] })
    const popUpCart = await newCart(t, s, { sales_channel_id: popUp.id, items: [] })
    expect(await workflowFailure(add({ cart_id: popUpCart.id, items: [{ variant_id: product.variants.default!.id, quantity: 1 }] }))).toMatchObject({
      type: "invalid_data",
      message: `Sales channel ${popUp.id} is not associated with any stock location.`,
    })
  })

  test("waits for the cart's lock, held while the cart is being completed, and gives up with conflict", async () => {
    const cart = await newCart(t, s)
    const locking = t.container.resolve<LockingService>(LOCKING_KEY)
    await locking.acquire(cart.id, { ownerId: "complete-cart:elsewhere", expireSeconds: 30, timeoutSeconds: 0 })
    const before = { footprint: await cartFootprint(t), lines: await lines(cart.id) }
    try {
      const error = await workflowFailure(add({ cart_id: cart.id, items: [{ variant_id: s.product.variants.small.id, quantity: 1 }] }))
      expect(error.type).toBe("conflict")
      expect(error.message).toContain(cart.id)
      expect({ footprint: await cartFootprint(t), lines: await lines(cart.id) }).toEqual(before)
    } finally {
      await locking.release(cart.id, { ownerId: "complete-cart:elsewhere" })
    }
    const { result } = await add({ cart_id: cart.id, items: [{ variant_id: s.product.variants.small.id, quantity: 1 }] })
    expect(result.items[0]!.quantity).toBe(2)
    expect(await locking.ownerOf(cart.id)).toBeUndefined()
    await locking.settled()
    expect(await t.rows(`select key from "lock"`)).toEqual([])
  })

  test("a cart's payment collection follows its new total, and its sessions are dropped", async () => {
    const cart = await newCart(t, s)
    const { result: collection } = await createPaymentCollectionForCartWorkflow(t.container).run({ input: { cart_id: cart.id } })
    await createPaymentSessionsWorkflow(t.container).run({ input: { payment_collection_id: collection.id, provider_id: SYSTEM_PAYMENT_PROVIDER } })

    const { result } = await add({ cart_id: cart.id, items: [{ variant_id: s.product.variants.small.id, quantity: 1 }] })

    expect(result.payment_collection).toMatchObject({ id: collection.id, amount: "40", currency_code: "usd", payment_sessions: [] })
  })

  describe("leaves nothing behind", () => {
    test("when the validate hook refuses", async () => {
      const cart = await newCart(t, s)
      const before = await cartFootprint(t)
      refuse = "no more shirts today"
      expect(await failureMessage(add({ cart_id: cart.id, items: [{ variant_id: s.product.variants.medium.id, quantity: 1 }] }))).toContain(
        `no more shirts today (${cart.id})`,
      )
      expect(await cartFootprint(t)).toEqual(before)
    })

    test("when the new lines cannot be written", async () => {
      const cart = await newCart(t, s)
      const before = { footprint: await cartFootprint(t), lines: await lines(cart.id) }
      const scope = scopeFailing(t, "cart", "addLineItems")
      await failureMessage(add({ cart_id: cart.id, items: [{ variant_id: s.product.variants.medium.id, quantity: 1 }] }, scope))
      expect({ footprint: await cartFootprint(t), lines: await lines(cart.id) }).toEqual(before)
    })

    test("when the merged quantities cannot be written: the new lines are deleted", async () => {
      const cart = await newCart(t, s)
      const before = { footprint: await cartFootprint(t), lines: await lines(cart.id) }
      const scope = scopeFailing(t, "cart", "updateLineItems")
      const items = [
        { variant_id: s.product.variants.medium.id, quantity: 1 },
        { variant_id: s.product.variants.small.id, quantity: 1 },
      ]
      expect(await failureMessage(add({ cart_id: cart.id, items }, scope))).toContain("cart.updateLineItems is down")
      expect({ footprint: await cartFootprint(t), lines: await lines(cart.id) }).toEqual(before)
    })

    test("when the change cannot be announced: lines, quantities, payment collection and its session are as before", async () => {
      const cart = await newCart(t, s)
      const { result: collection } = await createPaymentCollectionForCartWorkflow(t.container).run({ input: { cart_id: cart.id } })
      await createPaymentSessionsWorkflow(t.container).run({ input: { payment_collection_id: collection.id, provider_id: SYSTEM_PAYMENT_PROVIDER } })
      const sessions = () => t.rows(`select provider_id, amount::text as amount, status from payment_session where payment_collection_id = ? and deleted_at is null`, [collection.id])
      const before = {
        footprint: await cartFootprint(t),
        lines: await lines(cart.id),
        collection: await t.rows(`select amount::text as amount from payment_collection where id = ?`, [collection.id]),
        sessions: await sessions(),
      }
      const recorder = await recordEvents(t, [CartEvents.UPDATED])
      const items = [
        { variant_id: s.product.variants.medium.id, quantity: 2 },
        { variant_id: s.product.variants.small.id, quantity: 1 },
      ]

      expect(await failureMessage(add({ cart_id: cart.id, items }, scopeFailing(t, "eventBus", "emit")))).toContain("eventBus.emit is down")

      expect({
        footprint: await cartFootprint(t),
        lines: await lines(cart.id),
        collection: await t.rows(`select amount::text as amount from payment_collection where id = ?`, [collection.id]),
        sessions: await sessions(),
      }).toEqual(before)
      expect(before.sessions).toEqual([{ provider_id: SYSTEM_PAYMENT_PROVIDER, amount: "20", status: "pending" }])
      expect(await recorder.drain()).toEqual([])
    })
  })
})
