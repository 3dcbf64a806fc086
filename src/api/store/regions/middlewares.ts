import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listStoreRegionsQueryConfig, retrieveStoreRegionQueryConfig } from "./query-config.ts"
import { StoreGetRegionParams, StoreGetRegionsParams } from "./validators.ts"

export const storeRegionsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/regions", method: "GET", middlewares: [validateAndTransformQuery(StoreGetRegionsParams, listStoreRegionsQueryConfig)] },
  { matcher: "/store/regions/:id", method: "GET", middlewares: [validateAndTransformQuery(StoreGetRegionParams, retrieveStoreRegionQueryConfig)] },
]
