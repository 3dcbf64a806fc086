import { afterAll, beforeAll, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { StepResponse } from "../../../src/framework/workflows-sdk/index.ts"
import { completeCartWorkflow } from "../../../src/workflows/cart/workflows/complete-cart.ts"
import { footprint, startCheckoutApp, workflowFailure } from "../order/checkout-app.ts"
import type { CheckoutApp } from "../order/checkout-app.ts"
import { seedCart, seedProduct, seedStore } from "../order/seed.ts"
import type { SeededProduct, SeededStore } from "../order/seed.ts"

// Hooks belong to the exported workflow: registered here, in this test file's own process.
const validated: string[] = []
completeCartWorkflow.hooks.validate(({ cart }) => {
  validated.push(cart.id)
  if ((cart.metadata as { blocked?: boolean } | null)?.blocked) {
    throw new AgoraError(AgoraError.Types.NOT_ALLOWED, `Cart ${cart.id} is blocked by the fraud check`)
  }
  return new StepResponse(undefined)
})

let t: CheckoutApp
let store: SeededStore
let mug: SeededProduct
beforeAll(async () => {
  t = await startCheckoutApp()
  store = await seedStore(t)
  mug = await seedProduct(t, store)
})
afterAll(() => t.close())

test("a validate hook sees the cart before anything is written, and can refuse it", async () => {
  const { cart } = await seedCart(t, store, [{ product: mug, quantity: 1 }])
  await t.carts.updateCarts({ id: cart.id, metadata: { blocked: true } })
  const before = await footprint(t)

  const error = await workflowFailure(completeCartWorkflow(t.container).run({ input: { id: cart.id } }))

  expect(error).toMatchObject({ type: "not_allowed", message: `Cart ${cart.id} is blocked by the fraud check` })
  expect(await footprint(t)).toEqual(before)
  expect(validated).toContain(cart.id)
})

test("a cart the hook accepts is completed", async () => {
  const { cart } = await seedCart(t, store, [{ product: mug, quantity: 1 }])

  const { result } = await completeCartWorkflow(t.container).run({ input: { id: cart.id } })

  expect((await t.orders.retrieveOrder(result.id)).status).toBe("pending")
  expect(validated).toContain(cart.id)
})
