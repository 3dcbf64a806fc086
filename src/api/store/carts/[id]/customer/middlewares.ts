import { authenticate } from "../../../../../framework/auth/index.ts"
import type { MiddlewareRoute } from "../../../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../../../framework/http/index.ts"
import { retrieveStoreCartQueryConfig } from "../../query-config.ts"
import { StoreGetCartParams } from "../../validators.ts"
import { StoreTransferCart } from "./validators.ts"

/** `POST /store/carts/:id/customer`: a signed-in customer takes over a guest cart. */
export const transferCartMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/carts/:id/customer",
    method: "POST",
    middlewares: [
      authenticate("customer", ["bearer"]),
      validateAndTransformBody(StoreTransferCart),
      validateAndTransformQuery(StoreGetCartParams, retrieveStoreCartQueryConfig),
    ],
  },
]
