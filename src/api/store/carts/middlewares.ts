import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
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

export const storeCartsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/carts", method: "POST", middlewares: [validateAndTransformBody(StoreCreateCart), cartQuery] },
  { matcher: "/store/carts/:id", method: "GET", middlewares: [cartQuery] },
  { matcher: "/store/carts/:id", method: "POST", middlewares: [validateAndTransformBody(StoreUpdateCart), cartQuery] },
  { matcher: "/store/carts/:id/line-items", method: "POST", middlewares: [validateAndTransformBody(StoreAddCartLineItem), cartQuery] },
  {
    matcher: "/store/carts/:id/line-items/:line_id",
    method: "POST",
    middlewares: [validateAndTransformBody(StoreUpdateCartLineItem), cartQuery],
  },
  { matcher: "/store/carts/:id/line-items/:line_id", method: "DELETE", middlewares: [cartQuery] },
  {
    matcher: "/store/carts/:id/shipping-methods",
    method: "POST",
    middlewares: [validateAndTransformBody(StoreAddCartShippingMethods), cartQuery],
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
