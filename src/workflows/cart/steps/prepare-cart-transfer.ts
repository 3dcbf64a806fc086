import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"

export type PrepareCartTransferStepInput = { cart_id: string; customer_id: string }

/** Whether the cart changes hands, and the email it takes from its new customer. */
export type CartTransfer = { transfer: boolean; customer_id: string; email: string | null }

type CartOwner = { id: string; customer_id: string | null; customer: { has_account: boolean } | null }

export const prepareCartTransferStepId = "prepare-cart-transfer-step"
/**
 * Checks that a cart may become the customer's: the customer exists, and the cart is a guest's (no
 * customer, or one without an account) or already the customer's. Writes nothing.
 */
export const prepareCartTransferStep = createStep({ name: prepareCartTransferStepId, readOnly: true }, async (input: PrepareCartTransferStepInput, { container }) => {
  const query = container.resolve<Query>("query")
  const [carts, customers] = await Promise.all([
    query.graph<CartOwner>({ entity: "cart", fields: ["id", "customer_id"], filters: { id: input.cart_id } }),
    query.graph<{ id: string; email: string | null }>({ entity: "customer", fields: ["id", "email"], filters: { id: input.customer_id } }),
  ])
  const cart = carts.data[0]
  const customer = customers.data[0]
  if (!cart) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Cart with id: ${input.cart_id} was not found`)
  if (!customer) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Customer with id: ${input.customer_id} was not found`)
  if (cart.customer_id === customer.id) return new StepResponse<CartTransfer>({ transfer: false, customer_id: customer.id, email: customer.email })
  if (cart.customer_id) {
    const { data } = await query.graph<{ has_account: boolean }>({ entity: "customer", fields: ["has_account"], filters: { id: cart.customer_id } })
    if (data[0]?.has_account) {
      throw new AgoraError(AgoraError.Types.NOT_ALLOWED, "Cannot transfer cart to another customer account.")
    }
  }
  return new StepResponse<CartTransfer>({ transfer: true, customer_id: customer.id, email: customer.email })
})
