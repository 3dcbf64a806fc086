import { createHook, createWorkflow, parallelize, transform, when, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CartDetail } from "../../../modules/cart/index.ts"
import { createLinksStep, emitEventStep } from "../../common/index.ts"
import { OrderEvents } from "../../order/events.ts"
import { acquireLockStep } from "../steps/acquire-lock.ts"
import { authorizePaymentSessionStep } from "../steps/authorize-payment-session.ts"
import { completeCartLoadStep } from "../steps/complete-cart-load.ts"
import { completeCartRecordStep } from "../steps/complete-cart-record.ts"
import { reservationsForItems } from "../steps/confirm-inventory.ts"
import { createOrderFromCartStep } from "../steps/create-order-from-cart.ts"
import { releaseLockStep } from "../steps/release-lock.ts"
import { reserveInventoryStep } from "../steps/reserve-inventory.ts"
import { validateCartCompletionStep } from "../steps/validate-cart-completion.ts"

export type CompleteCartWorkflowInput = { id: string }
/** Medusa's result: the id of the order placed from the cart (the route reads it with the fields asked for). */
export type CompleteCartWorkflowOutput = { id: string }

/** Seconds a completion waits for another one of the same cart, and a lock outlives a dead process. */
const LOCK_TIMEOUT = 30
const LOCK_TTL = 120

export const completeCartWorkflowId = "complete-cart"
/**
 * Places an order from a cart, under the cart's lock: validates the cart, its shipping and its
 * payment, creates the order, holds its stock, authorizes the payment, links the order to the cart
 * and the payment collection, marks the cart completed and announces `order.placed`. Any failure
 * undoes all of it; a refused authorization fails with `not_allowed`, code
 * `payment_authorization_error` or `payment_requires_more_error` (the route answers `{ type: "cart" }`).
 *
 * A cart already completed answers with the order it was placed as. Concurrent completions of one
 * cart are safe whatever their transaction ids: the lock lets one through at a time, and the
 * order_cart link admits one order per cart. Runs sharing a transaction id (the cart id) join the
 * same run; but a failed run answers its failure again to that id, so retry with a new one.
 */
export const completeCartWorkflow = createWorkflow(completeCartWorkflowId, (input: WorkflowData<CompleteCartWorkflowInput>) => {
  const hooks: { validate?: ReturnType<typeof validateHook> } = {}
  acquireLockStep({ key: input.id, timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })
  // The order the cart was placed as, if any; else the cart (open, with lines) and its payment collection.
  const loaded = completeCartLoadStep({ id: input.id })

  const created = when("cart-not-placed", { loaded }, ({ loaded }) => loaded.order_id === null).then(() => {
    const cart = transform({ loaded }, ({ loaded }) => loaded.cart)
    const payment_collection = transform({ loaded }, ({ loaded }) => loaded.payment_collection)
    hooks.validate = validateHook({ input, cart })
    // Shipping, payment and stock, checked in one step: the session to authorize and where the stock comes from.
    const plan = validateCartCompletionStep({ cart, payment_collection })

    const order = createOrderFromCartStep({ cart })
    // The order_cart link holds one order per cart: a second completion that got this far stops
    // there. The stock is held meanwhile; if either fails, the other is undone with the order.
    parallelize(
      createLinksStep(
        transform({ order, cart }, ({ order, cart }) => [{ order: { order_id: order.id }, cart: { cart_id: cart.id } }]),
      ).config({ name: "link-order-cart" }),
      reserveInventoryStep(transform({ plan, order }, ({ plan, order }) => reservationsForItems(plan.inventory, order.items))),
    )
    // The payment is authorized only once the cart is known to be this run's (the link above) and
    // its stock is held, so a cart out of stock never reaches the provider. The last writes and
    // `order.placed` (held until the run succeeds) go with it; a refusal undoes them with the rest.
    parallelize(
      authorizePaymentSessionStep(transform({ plan, cart }, ({ plan, cart }) => ({ id: plan.session?.id ?? null, context: { cart_id: cart.id } }))),
      createLinksStep(
        transform({ order, payment_collection }, ({ order, payment_collection }) =>
          payment_collection ? [{ order: { order_id: order.id }, payment: { payment_collection_id: payment_collection.id } }] : [],
        ),
      ).config({ name: "link-order-payment-collection" }),
      completeCartRecordStep({ id: cart.id, order_id: order.id }),
      emitEventStep({ name: OrderEvents.PLACED, data: { id: order.id } }),
    )
    return order.id
  })

  releaseLockStep({ key: input.id })
  const result = transform({ loaded, created }, ({ loaded, created }): CompleteCartWorkflowOutput => ({
    id: loaded.order_id ?? (created as string),
  }))
  return new WorkflowResponse(result, { hooks: [hooks.validate as ReturnType<typeof validateHook>] })
})

/** `validate`: a developer's checks on the cart before anything is written; throwing refuses the completion. */
function validateHook(values: { input: WorkflowData<CompleteCartWorkflowInput>; cart: WorkflowData<CartDetail> }) {
  return createHook("validate", values)
}
