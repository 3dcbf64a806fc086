import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listShippingOptionsQueryConfig, retrieveShippingOptionQueryConfig } from "./query-config.ts"
import {
  AdminCreateShippingOption,
  AdminGetShippingOptionParams,
  AdminGetShippingOptionsParams,
  AdminUpdateShippingOption,
} from "./validators.ts"

const shippingOptionQuery = validateAndTransformQuery(AdminGetShippingOptionParams, retrieveShippingOptionQueryConfig)

export const adminShippingOptionsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/shipping-options",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetShippingOptionsParams, listShippingOptionsQueryConfig)],
  },
  { matcher: "/admin/shipping-options", method: "POST", middlewares: [validateAndTransformBody(AdminCreateShippingOption), shippingOptionQuery] },
  { matcher: "/admin/shipping-options/:id", method: ["GET", "DELETE"], middlewares: [shippingOptionQuery] },
  {
    matcher: "/admin/shipping-options/:id",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminUpdateShippingOption), shippingOptionQuery],
  },
]
