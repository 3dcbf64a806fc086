import { createHook, createWorkflow, transform, when, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CartAddressInput } from "../../../modules/cart/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { CartEvents } from "../events.ts"
import { createCartsStep } from "../steps/create-carts.ts"
import { findOrCreateCustomerStep } from "../steps/find-or-create-customer.ts"
import { prepareCartToCreateStep } from "../steps/prepare-cart-to-create.ts"
import type { CartItemInput, CartWithLinks } from "../utils/types.ts"

export type CreateCartWorkflowInput = {
  /** Defaults to the store's default region, else any region. */
  region_id?: string | null
  /** Must be the region's currency, which it defaults to. */
  currency_code?: string | null
  email?: string | null
  /** The signed-in customer (the store route passes the token's). */
  customer_id?: string | null
  /** Defaults to the publishable key's only channel, else the store's default channel. */
  sales_channel_id?: string | null
  /** The storefront's publishable key: a cart is in one of its sales channels (API.md §4). */
  publishable_key_id?: string | null
  shipping_address?: CartAddressInput | null
  billing_address?: CartAddressInput | null
  items?: CartItemInput[]
  metadata?: Record<string, unknown> | null
  additional_data?: Record<string, unknown>
}

/**
 * Creates a cart in a region (its currency), a sales channel, for a customer (the signed-in one,
 * or the guest of the email), with lines added as `addToCartWorkflow` adds them. Hooks: `validate`
 * before anything is written, `cartCreated` after. Publishes `cart.created`.
 */
export const createCartWorkflowId = "create-cart"
export const createCartWorkflow = createWorkflow(createCartWorkflowId, (input: WorkflowData<CreateCartWorkflowInput>) => {
  // Sales channel, region, currency, addresses, priced lines and their stock: read and checked in one step.
  const prepared = prepareCartToCreateStep({ input })
  const cartToCreate = transform({ prepared }, ({ prepared }) => prepared.cart)
  const validate = createHook("validate", { input, cart: cartToCreate })

  // A guest cart without an email has no customer to find: no step, no checkpoint.
  const customer = when("customer-given", { input }, ({ input }) => Boolean(input.customer_id || input.email)).then(() =>
    findOrCreateCustomerStep({ customer_id: input.customer_id, email: input.email }),
  )
  const cartInput = transform({ cartToCreate, customer }, ({ cartToCreate, customer }) => ({
    ...cartToCreate,
    customer_id: customer?.customer?.id ?? null,
    email: customer?.email ?? null,
  }))
  const carts = createCartsStep([cartInput])
  const cart = transform({ carts }, ({ carts }): CartWithLinks => ({ ...carts[0]!, payment_collection: null }))
  emitEventStep({ name: CartEvents.CREATED, data: { id: cart.id } })
  const cartCreated = createHook("cartCreated", { cart, additional_data: input.additional_data })
  return new WorkflowResponse(cart, { hooks: [validate, cartCreated] })
})
