import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createPaymentCollectionForCartWorkflow } from "../../../workflows/cart/index.ts"
import { assertCartAccess, prefetchCartOwner } from "../carts/helpers/cart-access.ts"
import { retrievePaymentCollection } from "./helpers.ts"
import type { StoreCreatePaymentCollection } from "./validators.ts"

const COLLECTION_FIELDS = ["payment_collection.id"]

// Who owns the cart, and its collection, are read while the publishable key is checked.
export const prefetch = { POST: prefetchCartOwner((req) => (req.body as { cart_id?: unknown } | undefined)?.cart_id, COLLECTION_FIELDS) }

/** The cart's payment collection, opened for its total when it has none yet (an upsert, as Medusa's). */
export const POST = async (req: AgoraRequest<StoreCreatePaymentCollection>, res: AgoraResponse) => {
  const { cart_id } = req.validatedBody
  // Who may reach the cart, and its collection if it has one: one read.
  const cart = await assertCartAccess<{ payment_collection: { id: string } | null }>(req, cart_id, COLLECTION_FIELDS)
  let collectionId = cart.payment_collection?.id
  if (!collectionId) {
    try {
      collectionId = (await createPaymentCollectionForCartWorkflow(req.scope).run({ input: { cart_id } })).result.id
    } catch (error) {
      // Another request opened it meanwhile (the workflow refuses a second one): answer with that one.
      collectionId = await collectionOfCart(req, cart_id)
      if (!collectionId) throw error
    }
  }
  const payment_collection = await retrievePaymentCollection(req.scope, collectionId, req.queryConfig.fields)
  res.json({ payment_collection })
}

async function collectionOfCart(req: AgoraRequest, cartId: string): Promise<string | undefined> {
  const { data } = await req.scope.resolve<Query>("query").graph<{ payment_collection: { id: string } | null }>({
    entity: "cart",
    fields: ["payment_collection.id"],
    filters: { id: cartId },
  })
  return data[0]?.payment_collection?.id
}
