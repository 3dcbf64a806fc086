import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { CartEvents, deleteLineItemsWorkflow } from "../../../src/workflows/cart/index.ts"
import type { DeleteLineItemsWorkflowInput } from "../../../src/workflows/cart/index.ts"
import { cartFootprint, failureMessage, recordEvents, scopeFailing, startCommerceApp, workflowFailure } from "./app.ts"
import type { CommerceApp } from "./app.ts"
import { markCompleted, newCart } from "./carts.ts"
import { seedStore } from "./seed.ts"
import type { SeededStore } from "./seed.ts"

let t: CommerceApp
let s: SeededStore

beforeAll(async () => {
  t = await startCommerceApp()
  s = await seedStore(t)
})
afterAll(() => t.close())

const remove = (input: DeleteLineItemsWorkflowInput, container = t.container) => deleteLineItemsWorkflow(container).run({ input })
const twoLineCart = () =>
  newCart(t, s, {
    items: [
      { variant_id: s.product.variants.small.id, quantity: 1 },
      { variant_id: s.product.variants.medium.id, quantity: 2 },
    ],
  })
const liveLines = (cartId: string) =>
  t.rows(`select id, quantity from cart_line_item where cart_id = ? and deleted_at is null order by id`, [cartId])

describe("deleteLineItemsWorkflow", () => {
  test("removes lines from the cart, and announces the change", async () => {
    const cart = await twoLineCart()
    const [small, medium] = cart.items
    const recorder = await recordEvents(t, [CartEvents.UPDATED])

    const { result } = await remove({ cart_id: cart.id, ids: [small!.id] })

    expect(result.items.map((item) => item.id)).toEqual([medium!.id])
    expect(result.total).toBe(50)
    expect(await liveLines(cart.id)).toEqual([{ id: medium!.id, quantity: 2 }])
    expect(await recorder.drain()).toEqual([expect.objectContaining({ name: CartEvents.UPDATED, data: { id: cart.id } })])
  })

  test("refuses a line of another cart, and a completed cart", async () => {
    const cart = await twoLineCart()
    const other = await newCart(t, s)
    expect(await workflowFailure(remove({ cart_id: cart.id, ids: [cart.items[0]!.id, other.items[0]!.id] }))).toMatchObject({
      type: "not_found",
      message: `Line item with id: ${other.items[0]!.id} was not found`,
    })
    expect(await liveLines(cart.id)).toHaveLength(2)
    await markCompleted(t, cart.id)
    expect(await workflowFailure(remove({ cart_id: cart.id, ids: [cart.items[0]!.id] }))).toMatchObject({
      type: "invalid_data",
      message: `Cart ${cart.id} is already completed.`,
    })
  })

  test("leaves nothing behind when the lines cannot be removed, or the change cannot be announced", async () => {
    const cart = await twoLineCart()
    const before = { footprint: await cartFootprint(t), lines: await liveLines(cart.id) }
    const ids = cart.items.map((item) => item.id)

    await failureMessage(remove({ cart_id: cart.id, ids }, scopeFailing(t, "cart", "softDeleteLineItems")))
    expect({ footprint: await cartFootprint(t), lines: await liveLines(cart.id) }).toEqual(before)

    const recorder = await recordEvents(t, [CartEvents.UPDATED])
    await failureMessage(remove({ cart_id: cart.id, ids }, scopeFailing(t, "eventBus", "emit")))
    expect({ footprint: await cartFootprint(t), lines: await liveLines(cart.id) }).toEqual(before)
    expect(await recorder.drain()).toEqual([])
  })
})
