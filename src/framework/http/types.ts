import type { AwilixContainer } from "awilix"
import type { FastifyReply, FastifyRequest } from "fastify"

export type AuthContext = {
  actor_id: string
  actor_type: string
  auth_identity_id: string
  app_metadata: Record<string, unknown>
}

/** The `/store` request's publishable key and the sales channels it scopes the store to. */
export type PublishableKeyContext = { key: string; id: string; sales_channel_ids: string[] }

/** Pagination and selection derived from a list query (`limit`, `offset`, `order`, `fields`). */
export type QueryConfig = {
  fields: string[]
  pagination: { skip: number; take: number; order: Record<string, "ASC" | "DESC"> | undefined }
}

declare module "fastify" {
  interface FastifyRequest {
    /** A request scope of the app's container. */
    scope: AwilixContainer
    validatedBody: unknown
    validatedQuery: unknown
    queryConfig: QueryConfig
    /** The query's filters, without `fields`, `limit`, `offset` and `order`. */
    filterableFields: Record<string, unknown>
    auth_context: AuthContext | undefined
    /** Set on every `/store` request by the publishable key guard. */
    publishable_key_context: PublishableKeyContext
    /** What the route's `prefetch` read (see `Prefetch`); undefined when it has none or it failed. */
    prefetched: Promise<unknown> | undefined
  }
  interface FastifyInstance {
    /** The file-based routes this server serves, each with its middleware chain (guard first). */
    agoraRoutes: readonly { path: string; method: HttpMethod; authenticate: boolean; chain: readonly AgoraMiddleware[] }[]
  }
  interface FastifyReply {
    /** Sends `body` as JSON (express-style, as Medusa route handlers write it). */
    json(body: unknown): FastifyReply
  }
}

export type AgoraRequest<Body = unknown, Query = unknown> = Omit<FastifyRequest, "validatedBody" | "validatedQuery"> & {
  validatedBody: Body
  validatedQuery: Query
}

export type AuthenticatedAgoraRequest<Body = unknown, Query = unknown> = AgoraRequest<Body, Query> & {
  auth_context: AuthContext
}

export type AgoraResponse = FastifyReply

export type AgoraNextFunction = (error?: unknown) => void

/** A middleware: express-style `(req, res, next)`, or async and resolving when done. */
export type AgoraMiddleware = (
  req: FastifyRequest,
  res: FastifyReply,
  next: AgoraNextFunction,
) => void | Promise<void>

export type RouteHandler = (req: FastifyRequest, res: FastifyReply) => unknown

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]
