import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { checkCartFields } from "./helpers/cart-response.ts"
import { completeStoreCartQueryConfig, retrieveStoreCartQueryConfig } from "./query-config.ts"
import {
  StoreAddCartLineItem,
  StoreAddCartShippingMethods,
  StoreCompleteCart,
  StoreCreateCart,
  StoreGetCartParams,
  StoreUpdateCart,
  StoreUpdateCartLineItem,
} from "./validators.ts"

const cartQuery = validateAndTransformQuery(StoreGetCartParams, retrieveStoreCartQueryConfig)
// A write answers with the cart as `fields` asks: a field it does not have is refused before the write.
const cartWriteQuery = [cartQuery, checkCartFields]

export const storeCartsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/carts", method: "POST", middlewares: [validateAndTransformBody(StoreCreateCart), ...cartWriteQuery] },
  { matcher: "/store/carts/:id", method: "GET", middlewares: [cartQuery] },
  { matcher: "/store/carts/:id", method: "POST", middlewares: [validateAndTransformBody(StoreUpdateCart), ...cartWriteQuery] },
  { matcher: "/store/carts/:id/line-items", method: "POST", middlewares: [validateAndTransformBody(StoreAddCartLineItem), ...cartWriteQuery] },
  {
    matcher: "/store/carts/:id/line-items/:line_id",
    method: "POST",
    middlewares: [validateAndTransformBody(StoreUpdateCartLineItem), ...cartWriteQuery],
  },
  { matcher: "/store/carts/:id/line-items/:line_id", method: "DELETE", middlewares: cartWriteQuery },
  {
    matcher: "/store/carts/:id/shipping-methods",
    method: "POST",
    middlewares: [validateAndTransformBody(StoreAddCartShippingMethods), ...cartWriteQuery],
  },
  {
    matcher: "/store/carts/:id/complete",
    method: "POST",
    middlewares: [
      validateAndTransformBody(StoreCompleteCart),
      validateAndTransformQuery(StoreGetCartParams, completeStoreCartQueryConfig),
    ],
  },
]
