import { authenticate } from "../../../framework/auth/index.ts"
import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listStoreOrdersQueryConfig, retrieveStoreOrderQueryConfig } from "./query-config.ts"
import { StoreGetOrderParams, StoreGetOrdersParams } from "./validators.ts"

export const storeOrdersRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/orders",
    method: "GET",
    middlewares: [authenticate("customer", ["bearer"]), validateAndTransformQuery(StoreGetOrdersParams, listStoreOrdersQueryConfig)],
  },
  { matcher: "/store/orders/:id", method: "GET", middlewares: [validateAndTransformQuery(StoreGetOrderParams, retrieveStoreOrderQueryConfig)] },
]
