import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listInventoryItemsQueryConfig, listInventoryLevelsQueryConfig, retrieveInventoryItemQueryConfig } from "./query-config.ts"
import {
  AdminBatchInventoryItemLocationLevels,
  AdminBatchInventoryItemLocationLevelsParams,
  AdminCreateInventoryItem,
  AdminCreateInventoryLocationLevel,
  AdminGetInventoryItemParams,
  AdminGetInventoryItemsParams,
  AdminGetInventoryLocationLevelsParams,
  AdminUpdateInventoryLocationLevel,
} from "./validators.ts"

/** A level named by its location: every segment but `batch`, which is a route of its own. */
const LEVEL_BY_LOCATION = /^\/admin\/inventory-items\/[^/]+\/location-levels\/(?!batch\/?$)[^/]+\/?$/

const itemQuery = validateAndTransformQuery(AdminGetInventoryItemParams, retrieveInventoryItemQueryConfig)

export const adminInventoryItemsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/inventory-items",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetInventoryItemsParams, listInventoryItemsQueryConfig)],
  },
  { matcher: "/admin/inventory-items", method: "POST", middlewares: [validateAndTransformBody(AdminCreateInventoryItem), itemQuery] },
  { matcher: "/admin/inventory-items/:id", method: "GET", middlewares: [itemQuery] },
  {
    matcher: "/admin/inventory-items/:id/location-levels",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetInventoryLocationLevelsParams, listInventoryLevelsQueryConfig)],
  },
  {
    matcher: "/admin/inventory-items/:id/location-levels",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminCreateInventoryLocationLevel), itemQuery],
  },
  {
    matcher: "/admin/inventory-items/:id/location-levels/batch",
    method: "POST",
    middlewares: [
      validateAndTransformBody(AdminBatchInventoryItemLocationLevels),
      validateAndTransformQuery(AdminBatchInventoryItemLocationLevelsParams, { defaults: [] }),
    ],
  },
  {
    matcher: LEVEL_BY_LOCATION,
    method: "POST",
    middlewares: [validateAndTransformBody(AdminUpdateInventoryLocationLevel), itemQuery],
  },
  { matcher: LEVEL_BY_LOCATION, method: "DELETE", middlewares: [itemQuery] },
]
