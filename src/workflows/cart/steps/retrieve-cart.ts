import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CART_MODULE } from "../../../modules/cart/index.ts"
import type { CartModuleService } from "../../../modules/cart/index.ts"
import type { CartWithLinks, PaymentCollectionOfCart } from "../utils/types.ts"

export type RetrieveCartStepInput = { id: string }

/** A cart with its lines, shipping methods, addresses and totals, and its payment collection; not_found when there is none. */
export const retrieveCartStepId = "retrieve-cart-step"
export const retrieveCartStep = createStep(retrieveCartStepId, async (input: RetrieveCartStepInput, { container }) => {
  const cart = await container.resolve<CartModuleService>(CART_MODULE).retrieveCart(input.id)
  const { data } = await container.resolve<Query>("query").graph<{ payment_collection: PaymentCollectionOfCart | null }>({
    entity: "cart",
    fields: [
      "payment_collection.id",
      "payment_collection.amount",
      "payment_collection.currency_code",
      "payment_collection.status",
      "payment_collection.payment_sessions.id",
    ],
    filters: { id: input.id },
  })
  return new StepResponse<CartWithLinks>({ ...cart, payment_collection: data[0]?.payment_collection ?? null })
})
