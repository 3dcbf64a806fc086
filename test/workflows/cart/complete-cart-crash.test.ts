import { spawn } from "node:child_process"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { completeCartWorkflow } from "../../../src/workflows/cart/workflows/complete-cart.ts"
import { OrderEvents } from "../../../src/workflows/order/events.ts"
import { PROJECT_ROOT } from "../../setup/test-app.ts"
import { footprint, recordEvents, startCheckoutApp } from "../order/checkout-app.ts"
import type { CheckoutApp } from "../order/checkout-app.ts"
import { seedCart, seedProduct, seedStore } from "../order/seed.ts"
import type { SeededProduct, SeededStore } from "../order/seed.ts"

const CHILD = path.join(PROJECT_ROOT, "test/workflows/order/fixtures/complete-cart-until-crash.ts")

let t: CheckoutApp
let store: SeededStore
let mug: SeededProduct
let placed: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  // Owners silent for 50 ms are presumed dead: the killed child's run can be taken over at once.
  t = await startCheckoutApp({ workflows: { staleAfter: 0.05, recoveryInterval: 3600 } })
  t.app.workflows.engine.register(completeCartWorkflow.graph)
  store = await seedStore(t)
  mug = await seedProduct(t, store, { stock: 100 })
  placed = await recordEvents(t, [OrderEvents.PLACED])
})
afterAll(() => t?.close())

function runUntilCrash(cartId: string, crashAt: string): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [CHILD, t.database.url, cartId, crashAt], { cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "pipe"] })
  let stderr = ""
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.on("exit", (_code, signal) => resolve({ signal, stderr })))
}

// Killed after a step's work but before its end was recorded, the step runs again on recovery: each
// must find its own work instead of doing it twice.
const CRASH_POINTS = [
  "after-invoke:acquire-lock-step",
  "after-invoke:create-order-from-cart-step",
  "after-invoke:link-order-cart",
  "after-invoke:reserve-inventory-step",
  "after-invoke:authorize-payment-session-step",
  "after-invoke:link-order-payment-collection",
  "after-invoke:complete-cart-record-step",
  "after-invoke:emit-event-step",
  "after-invoke:release-lock-step",
  "before-finish",
]

describe("a completion killed with SIGKILL at a step boundary is finished by another process, each effect once", () => {
  test.each(CRASH_POINTS)("killed at %s", { timeout: 60_000 }, async (crashAt) => {
    const { cart, paymentCollectionId } = await seedCart(t, store, [{ product: mug, quantity: 2 }])
    await placed.drain()
    await placed.clear()
    const before = await footprint(t)

    const exit = await runUntilCrash(cart.id, crashAt)
    expect(exit.stderr).toBe("")
    expect(exit.signal, "the child must die at its crash point").toBe("SIGKILL")
    await new Promise((resolve) => setTimeout(resolve, 60))
    await t.app.workflows.engine.recover()

    const run = await t.app.workflows.engine.getTransaction(completeCartWorkflow.workflowId, cart.id)
    expect(run?.state).toBe("done")
    const orderId = (run?.execution.result as { id: string }).id
    expect(await footprint(t)).toEqual({
      ...before,
      orders: before.orders! + 1,
      order_lines: before.order_lines! + 1,
      order_addresses: before.order_addresses! + 2,
      order_shipping_methods: before.order_shipping_methods! + 1,
      order_cart_links: before.order_cart_links! + 1,
      order_payment_links: before.order_payment_links! + 1,
      reservations: before.reservations! + 1,
      reserved_units: before.reserved_units! + 2,
      open_payments: before.open_payments! + 1,
      authorized_sessions: before.authorized_sessions! + 1,
      completed_carts: before.completed_carts! + 1,
    })
    expect(await t.payment.listPayments({ payment_collection_id: paymentCollectionId! })).toHaveLength(1)
    expect((await t.orders.retrieveOrder(orderId)).items[0]!.quantity).toBe(2)
    // The run's events reach the outbox with its final checkpoint: published once, whoever wrote it.
    await t.app.events.bus.deliverPending()
    expect((await placed.drain()).map((event) => event.data)).toEqual([{ id: orderId }])
  })
})
