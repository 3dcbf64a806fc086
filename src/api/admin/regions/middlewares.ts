import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listRegionsQueryConfig, retrieveRegionQueryConfig } from "./query-config.ts"
import { AdminCreateRegion, AdminGetRegionParams, AdminGetRegionsParams, AdminUpdateRegion } from "./validators.ts"

const regionQuery = validateAndTransformQuery(AdminGetRegionParams, retrieveRegionQueryConfig)

export const adminRegionsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/regions", method: "GET", middlewares: [validateAndTransformQuery(AdminGetRegionsParams, listRegionsQueryConfig)] },
  { matcher: "/admin/regions", method: "POST", middlewares: [validateAndTransformBody(AdminCreateRegion), regionQuery] },
  { matcher: "/admin/regions/:id", method: ["GET", "DELETE"], middlewares: [regionQuery] },
  { matcher: "/admin/regions/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateRegion), regionQuery] },
]
