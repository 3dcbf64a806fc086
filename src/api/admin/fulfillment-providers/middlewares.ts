import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listFulfillmentProvidersQueryConfig } from "./query-config.ts"
import { AdminGetFulfillmentProvidersParams } from "./validators.ts"

export const adminFulfillmentProvidersRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/fulfillment-providers",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetFulfillmentProvidersParams, listFulfillmentProvidersQueryConfig)],
  },
]
