import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { CartEvents, updateLineItemInCartWorkflow } from "../../../src/workflows/cart/index.ts"
import type { UpdateLineItemInCartWorkflowInput } from "../../../src/workflows/cart/index.ts"
import { cartFootprint, failureMessage, recordEvents, scopeFailing, startCommerceApp, workflowFailure } from "./app.ts"
import type { CommerceApp } from "./app.ts"
import { markCompleted, newCart } from "./carts.ts"
import { seedProduct, seedStore } from "./seed.ts"
import type { SeededStore } from "./seed.ts"

let t: CommerceApp
let s: SeededStore

beforeAll(async () => {
  t = await startCommerceApp()
  s = await seedStore(t)
})
afterAll(() => t.close())

const update = (input: UpdateLineItemInCartWorkflowInput, container = t.container) => updateLineItemInCartWorkflow(container).run({ input })
const lineRows = (cartId: string) =>
  t.rows(`select id, quantity, unit_price::text as unit_price, metadata from cart_line_item where cart_id = ? and deleted_at is null order by id`, [
    cartId,
  ])

describe("updateLineItemInCartWorkflow", () => {
  test("changes a line's quantity and metadata, prices it again, and announces the change", async () => {
    const mug = await seedProduct(t, s, { title: "Repriced mug", variants: [{ key: "one", prices: { usd: 20 } }] })
    const cart = await newCart(t, s, { items: [{ variant_id: mug.variants.one!.id, quantity: 1 }] })
    const line = cart.items[0]!
    // The price changed since the line was added: the line takes the current one.
    await t.rows(
      `update price set amount = 21 where price_set_id = (select price_set_id from product_variant_price_set where product_variant_id = ?)`,
      [mug.variants.one!.id],
    )
    const recorder = await recordEvents(t, [CartEvents.UPDATED])

    const { result } = await update({ cart_id: cart.id, item_id: line.id, update: { quantity: 4, metadata: { note: "gift" } } })

    expect(result.items).toEqual([expect.objectContaining({ id: line.id, quantity: 4, unit_price: 21, metadata: { note: "gift" } })])
    expect(result.total).toBe(84)
    expect(await recorder.drain()).toEqual([expect.objectContaining({ name: CartEvents.UPDATED, data: { id: cart.id } })])
  })

  test("quantity 0 removes the line", async () => {
    const cart = await newCart(t, s)
    const { result } = await update({ cart_id: cart.id, item_id: cart.items[0]!.id, update: { quantity: 0 } })
    expect(result.items).toEqual([])
    expect(await lineRows(cart.id)).toEqual([])
  })

  test("refuses an unknown line, a quantity that is not a whole number, more than the stock, a completed cart", async () => {
    const cart = await newCart(t, s)
    const line = cart.items[0]!
    expect(await workflowFailure(update({ cart_id: cart.id, item_id: "cali_missing", update: { quantity: 1 } }))).toMatchObject({
      type: "not_found",
      message: "Line item with id: cali_missing was not found",
    })
    expect(await workflowFailure(update({ cart_id: cart.id, item_id: line.id, update: { quantity: 1.5 } }))).toMatchObject({
      type: "invalid_data",
      message: "quantity must be a whole number of at least 0, got 1.5",
    })
    const tooMany = await workflowFailure(update({ cart_id: cart.id, item_id: line.id, update: { quantity: 11 } }))
    expect(tooMany).toMatchObject({ type: "not_allowed", code: "insufficient_inventory" })
    expect(tooMany.message).toContain(s.product.variants.small.id)
    await markCompleted(t, cart.id)
    expect(await workflowFailure(update({ cart_id: cart.id, item_id: line.id, update: { quantity: 2 } }))).toMatchObject({
      type: "invalid_data",
      message: `Cart ${cart.id} is already completed.`,
    })
  })

  describe("leaves nothing behind", () => {
    test("when the line cannot be written", async () => {
      const cart = await newCart(t, s)
      const before = await lineRows(cart.id)
      const scope = scopeFailing(t, "cart", "updateLineItems")
      await failureMessage(update({ cart_id: cart.id, item_id: cart.items[0]!.id, update: { quantity: 3, metadata: { x: 1 } } }, scope))
      expect(await lineRows(cart.id)).toEqual(before)
    })

    test("when the change cannot be announced: the quantity, price and metadata are put back, a removed line comes back", async () => {
      const cart = await newCart(t, s)
      const before = { footprint: await cartFootprint(t), lines: await lineRows(cart.id) }
      const recorder = await recordEvents(t, [CartEvents.UPDATED])
      const failing = scopeFailing(t, "eventBus", "emit")

      await failureMessage(update({ cart_id: cart.id, item_id: cart.items[0]!.id, update: { quantity: 3, metadata: { x: 1 } } }, failing))
      expect({ footprint: await cartFootprint(t), lines: await lineRows(cart.id) }).toEqual(before)

      await failureMessage(update({ cart_id: cart.id, item_id: cart.items[0]!.id, update: { quantity: 0 } }, failing))
      expect({ footprint: await cartFootprint(t), lines: await lineRows(cart.id) }).toEqual(before)
      expect(await recorder.drain()).toEqual([])
    })
  })
})
