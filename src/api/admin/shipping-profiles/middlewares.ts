import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listShippingProfilesQueryConfig, retrieveShippingProfileQueryConfig } from "./query-config.ts"
import { AdminCreateShippingProfile, AdminGetShippingProfileParams, AdminGetShippingProfilesParams } from "./validators.ts"

const shippingProfileQuery = validateAndTransformQuery(AdminGetShippingProfileParams, retrieveShippingProfileQueryConfig)

export const adminShippingProfilesRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/shipping-profiles",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetShippingProfilesParams, listShippingProfilesQueryConfig)],
  },
  {
    matcher: "/admin/shipping-profiles",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminCreateShippingProfile), shippingProfileQuery],
  },
  { matcher: "/admin/shipping-profiles/:id", method: ["GET", "DELETE"], middlewares: [shippingProfileQuery] },
]
