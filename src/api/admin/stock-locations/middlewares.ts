import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listStockLocationsQueryConfig, retrieveStockLocationQueryConfig } from "./query-config.ts"
import {
  AdminBatchLink,
  AdminCreateStockLocation,
  AdminCreateStockLocationFulfillmentSet,
  AdminGetStockLocationParams,
  AdminGetStockLocationsParams,
  AdminUpdateStockLocation,
} from "./validators.ts"

const locationQuery = validateAndTransformQuery(AdminGetStockLocationParams, retrieveStockLocationQueryConfig)

export const adminStockLocationsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/stock-locations",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetStockLocationsParams, listStockLocationsQueryConfig)],
  },
  { matcher: "/admin/stock-locations", method: "POST", middlewares: [validateAndTransformBody(AdminCreateStockLocation), locationQuery] },
  { matcher: "/admin/stock-locations/:id", method: ["GET", "DELETE"], middlewares: [locationQuery] },
  { matcher: "/admin/stock-locations/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateStockLocation), locationQuery] },
  { matcher: "/admin/stock-locations/:id/sales-channels", method: "POST", middlewares: [validateAndTransformBody(AdminBatchLink), locationQuery] },
  {
    matcher: "/admin/stock-locations/:id/fulfillment-providers",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminBatchLink), locationQuery],
  },
  {
    matcher: "/admin/stock-locations/:id/fulfillment-sets",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminCreateStockLocationFulfillmentSet), locationQuery],
  },
]
