import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import { takePrefetched } from "../../../framework/http/index.ts"
import type { AgoraRequest, Prefetch } from "../../../framework/http/index.ts"
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

/** A collection's cart owner as read for `assertPaymentCollectionAccess`, started early or not. */
class CollectionOwnerRead {
  readonly collectionId: string
  readonly collection: { cart: CartOwner | null } | undefined

  constructor(collectionId: string, collection: { cart: CartOwner | null } | undefined) {
    this.collectionId = collectionId
    this.collection = collection
  }
}

async function readCollectionOwner(req: Pick<AgoraRequest, "scope">, id: string): Promise<CollectionOwnerRead> {
  const { data } = await req.scope.resolve<Query>("query").graph<{ cart: CartOwner | null }>({
    entity: "payment_collection",
    fields: CART_OWNER_FIELDS.map((field) => `cart.${field}`),
    filters: { id },
  })
  return new CollectionOwnerRead(id, data[0])
}

/** A route's `prefetch` for `assertPaymentCollectionAccess`, for the collection of the path's `:id`. */
export const prefetchCollectionOwnerByPath: Prefetch = (req) => {
  const { id } = req.params as { id?: unknown }
  return typeof id === "string" ? readCollectionOwner(req, id) : undefined
}

/** not_found for a collection that does not exist, or that pays for another customer's cart. */
export async function assertPaymentCollectionAccess(req: Pick<AgoraRequest, "auth_context" | "scope" | "prefetched">, id: string): Promise<void> {
  const early = await takePrefetched(req, (value): value is CollectionOwnerRead => value instanceof CollectionOwnerRead && value.collectionId === id)
  const { collection } = early ?? (await readCollectionOwner(req, id))
  if (!collection || !(await mayAccessOwnedCart(req, collection.cart ?? {}))) throw paymentCollectionNotFound(id)
}

function paymentCollectionNotFound(id: string): AgoraError {
  return new AgoraError(AgoraError.Types.NOT_FOUND, `Payment collection with id: ${id} was not found`)
}
