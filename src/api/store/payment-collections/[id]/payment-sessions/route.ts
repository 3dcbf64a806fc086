import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { createPaymentSessionsWorkflow } from "../../../../../workflows/cart/index.ts"
import { customerIdOf } from "../../../carts/helpers/cart-access.ts"
import { assertPaymentCollectionAccess, prefetchCollectionOwnerByPath, retrievePaymentCollection } from "../../helpers.ts"
import type { StoreInitializePaymentSession } from "../../validators.ts"

// Whose cart the collection pays for is read while the publishable key is checked.
export const prefetch = { POST: prefetchCollectionOwnerByPath }

/** Opens a session with a provider of the cart's region; it replaces the collection's earlier sessions. */
export const POST = async (req: AgoraRequest<StoreInitializePaymentSession>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  await assertPaymentCollectionAccess(req, id)
  const { provider_id, data } = req.validatedBody
  await createPaymentSessionsWorkflow(req.scope).run({
    input: { payment_collection_id: id, provider_id, customer_id: customerIdOf(req) ?? null, ...(data ? { data } : {}) },
  })
  const payment_collection = await retrievePaymentCollection(req.scope, id, req.queryConfig.fields)
  res.json({ payment_collection })
}
