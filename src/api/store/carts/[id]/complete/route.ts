import { AgoraError } from "../../../../../framework/errors/index.ts"
import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { completeCartWorkflow } from "../../../../../workflows/cart/index.ts"
import { assertCartAccess, prefetchCartOwnerByPath } from "../../helpers/cart-access.ts"
import { retrieveCart } from "../../helpers/cart-response.ts"
import { assertOrderFields, retrieveOrder } from "../../../../utils/read-orders.ts"
import { storeCartFields } from "../../query-config.ts"
import type { StoreCompleteCart, StoreGetCartParams } from "../../validators.ts"

// Who owns the cart is read while the publishable key is checked.
export const prefetch = { POST: prefetchCartOwnerByPath }

/** Refusals of the payment provider: the cart stays open and is answered with the reason. */
const PAYMENT_ERRORS = ["payment_authorization_error", "payment_requires_more_error"]

/**
 * Places the order (API.md §7, §9): `{ type: "order", order }`; a completed cart answers with its
 * order again. Each request is its own run: a run that failed must not answer a retry with its
 * failure, so the cart id is not the transaction id (the workflow's lock keeps it to one order).
 */
export const POST = async (req: AgoraRequest<StoreCompleteCart, StoreGetCartParams>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  await assertCartAccess(req, id)
  // Fields the order does not have are refused before the order is placed, not after.
  if (req.validatedQuery.fields !== undefined) assertOrderFields(req.scope, req.queryConfig.fields)
  let orderId: string
  try {
    const { result } = await completeCartWorkflow(req.scope).run({ input: { id } })
    orderId = result.id
  } catch (error) {
    const refusal = paymentRefusalOf(error)
    if (!refusal) throw error
    const cart = await retrieveCart(req.scope, id, storeCartFields)
    res.json({ type: "cart", cart, error: { message: refusal.message, name: refusal.name, type: refusal.code } })
    return
  }
  const order = await retrieveOrder(req.scope, orderId, req.queryConfig.fields)
  res.json({ type: "order", order })
}

function paymentRefusalOf(error: unknown): AgoraError | undefined {
  const cause = error instanceof AgoraError ? error : error instanceof Error ? error.cause : undefined
  return cause instanceof AgoraError && PAYMENT_ERRORS.includes(cause.code ?? "") ? cause : undefined
}
