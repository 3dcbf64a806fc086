import { createCartWorkflow } from "../../../src/workflows/cart/index.ts"
import type { CartWithLinks, CreateCartWorkflowInput } from "../../../src/workflows/cart/index.ts"
import type { CommerceApp } from "./app.ts"
import type { SeededStore } from "./seed.ts"

/** A US address of the seeded region. */
export const US_ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "1 Main St",
  city: "Springfield",
  postal_code: "12345",
  country_code: "us",
  phone: "555-0100",
}

/** A cart created through `createCartWorkflow` in the seeded store: one small T-shirt and a US address unless told. */
export async function newCart(t: CommerceApp, store: SeededStore, input: CreateCartWorkflowInput = {}): Promise<CartWithLinks> {
  const { result } = await createCartWorkflow(t.container).run({
    input: {
      email: "shopper@example.com",
      shipping_address: US_ADDRESS,
      items: [{ variant_id: store.product.variants.small.id, quantity: 1 }],
      ...input,
    },
  })
  return result
}

/** Marks a cart completed, as the checkout does. */
export async function markCompleted(t: CommerceApp, cartId: string): Promise<void> {
  await t.carts.updateCarts({ id: cartId, completed_at: new Date() })
}
