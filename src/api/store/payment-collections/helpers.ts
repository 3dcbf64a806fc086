import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { AgoraRequest } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { CART_OWNER_FIELDS, mayAccessOwnedCart } from "../carts/helpers/cart-access.ts"
import type { CartOwner } from "../carts/helpers/cart-access.ts"
import { paymentCollectionAmounts } from "../../utils/compose.ts"

/** A payment collection in the shape `fields` asks for, money as numbers; not_found when there is none. */
export async function retrievePaymentCollection(scope: AwilixContainer, id: string, fields: string[]): Promise<unknown> {
  const { data } = await scope.resolve<Query>("query").graph({ entity: "payment_collection", fields, filters: { id } })
  if (!data[0]) throw paymentCollectionNotFound(id)
  return paymentCollectionAmounts(data[0])
}

/** not_found for a collection that does not exist, or that pays for another customer's cart. */
export async function assertPaymentCollectionAccess(req: Pick<AgoraRequest, "auth_context" | "scope">, id: string): Promise<void> {
  const { data } = await req.scope.resolve<Query>("query").graph<{ cart: CartOwner | null }>({
    entity: "payment_collection",
    fields: CART_OWNER_FIELDS.map((field) => `cart.${field}`),
    filters: { id },
  })
  const collection = data[0]
  if (!collection || !(await mayAccessOwnedCart(req, collection.cart ?? {}))) throw paymentCollectionNotFound(id)
}

function paymentCollectionNotFound(id: string): AgoraError {
  return new AgoraError(AgoraError.Types.NOT_FOUND, `Payment collection with id: ${id} was not found`)
}
