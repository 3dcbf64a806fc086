import { createHook, createWorkflow, transform, when, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { CartEvents } from "../events.ts"
import { acquireLockStep } from "../steps/acquire-lock.ts"
import { prepareCartTransferStep } from "../steps/prepare-cart-transfer.ts"
import { releaseLockStep } from "../steps/release-lock.ts"
import { retrieveCartStep } from "../steps/retrieve-cart.ts"
import { updateCartsStep } from "../steps/update-carts.ts"
import { validateCartStep } from "../steps/validate-cart.ts"
import { CART_LOCK_TIMEOUT, CART_LOCK_TTL } from "../utils/cart-lock.ts"

export type TransferCartCustomerWorkflowInput = { id: string; customer_id: string }

export const transferCartCustomerWorkflowId = "transfer-cart-customer"
/**
 * A guest's cart becomes a signed-in customer's (Medusa's transferCartCustomerWorkflow): it takes the
 * customer and the customer's email. A cart already the customer's is left as it is; one of another
 * registered customer is refused. Announces `cart.customer_transferred`.
 */
export const transferCartCustomerWorkflow = createWorkflow(
  transferCartCustomerWorkflowId,
  (input: WorkflowData<TransferCartCustomerWorkflowInput>) => {
    acquireLockStep({ key: input.id, timeout: CART_LOCK_TIMEOUT, ttl: CART_LOCK_TTL })
    const cart = retrieveCartStep({ id: input.id })
    validateCartStep({ cart })
    const plan = prepareCartTransferStep({ cart_id: input.id, customer_id: input.customer_id })
    when("cart-changes-hands", { plan }, ({ plan }) => plan.transfer).then(() => {
      updateCartsStep(transform({ input, plan }, ({ input, plan }) => [{ id: input.id, customer_id: plan.customer_id, email: plan.email }]))
      emitEventStep({
        name: CartEvents.CUSTOMER_TRANSFERRED,
        data: transform({ input }, ({ input }) => ({ id: input.id, customer_id: input.customer_id })),
      })
    })
    const transferred = retrieveCartStep({ id: input.id }).config({ name: "retrieve-transferred-cart-step" })
    const cartTransferred = createHook("cartTransferred", { cart: transferred })
    releaseLockStep({ key: input.id })
    return new WorkflowResponse(transferred, { hooks: [cartTransferred] })
  },
)
