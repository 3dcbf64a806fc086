import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listStorePaymentProvidersQueryConfig } from "./query-config.ts"
import { StoreGetPaymentProvidersParams } from "./validators.ts"

export const storePaymentProvidersRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/payment-providers",
    method: "GET",
    middlewares: [validateAndTransformQuery(StoreGetPaymentProvidersParams, listStorePaymentProvidersQueryConfig)],
  },
]
