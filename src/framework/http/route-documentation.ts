import type { z } from "zod"
import type { AgoraMiddleware } from "./types.ts"

/** The schemas a middleware validates with: what the OpenAPI document says a route accepts. */
export type RouteSchemas = { body?: z.ZodType; query?: z.ZodType }

const schemasByMiddleware = new WeakMap<AgoraMiddleware, RouteSchemas>()

/** Records the schemas `middleware` validates with, so that the route's documentation shows them. */
export function documentMiddleware(middleware: AgoraMiddleware, schemas: RouteSchemas): AgoraMiddleware {
  schemasByMiddleware.set(middleware, { ...schemasByMiddleware.get(middleware), ...schemas })
  return middleware
}

/** The body and query schemas of a route's middleware chain (the last one of each kind wins, as it runs last). */
export function schemasOf(chain: readonly AgoraMiddleware[]): RouteSchemas {
  const schemas: RouteSchemas = {}
  for (const middleware of chain) Object.assign(schemas, schemasByMiddleware.get(middleware))
  return schemas
}
