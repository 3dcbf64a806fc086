import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listStoreShippingOptionsQueryConfig } from "./query-config.ts"
import { StoreGetShippingOptions } from "./validators.ts"

export const storeShippingOptionsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/shipping-options", method: "GET", middlewares: [validateAndTransformQuery(StoreGetShippingOptions, listStoreShippingOptionsQueryConfig)] },
]
