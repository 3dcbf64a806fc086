import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listStoresQueryConfig, retrieveStoreQueryConfig } from "./query-config.ts"
import { AdminGetStoreParams, AdminGetStoresParams, AdminUpdateStore } from "./validators.ts"

const storeQuery = validateAndTransformQuery(AdminGetStoreParams, retrieveStoreQueryConfig)

export const adminStoresRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/stores", method: "GET", middlewares: [validateAndTransformQuery(AdminGetStoresParams, listStoresQueryConfig)] },
  { matcher: "/admin/stores/:id", method: "GET", middlewares: [storeQuery] },
  { matcher: "/admin/stores/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateStore), storeQuery] },
]
