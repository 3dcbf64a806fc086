export { createHttpServer } from "./create-http-server.ts"
export type { HttpServerOptions } from "./create-http-server.ts"
export { defineMiddlewares } from "./define-middlewares.ts"
export type { MiddlewaresConfig, MiddlewareRoute } from "./define-middlewares.ts"
export { validateAndTransformBody, validateAndTransformQuery, createFindParams, createSelectParams } from "./validate.ts"
export type { QueryConfigOptions } from "./validate.ts"
export { toHttpError } from "./http-errors.ts"
export { formatZodError } from "./zod-error.ts"
export { loadRoutes, toRoutePath } from "./route-loader.ts"
export type {
  AgoraRequest,
  AgoraResponse,
  AgoraMiddleware,
  AgoraNextFunction,
  AuthenticatedAgoraRequest,
  AuthContext,
  QueryConfig,
  PublishableKeyContext,
  HttpMethod,
} from "./types.ts"
export { takePrefetched } from "./prefetch.ts"
export type { Prefetch } from "./prefetch.ts"
export { documentMiddleware, schemasOf } from "./route-documentation.ts"
export type { RouteSchemas } from "./route-documentation.ts"
export { refetchEntity, retrieveEntity } from "./refetch.ts"
export type { RefetchInput } from "./refetch.ts"
export { buildOpenApiDocument, toOpenApiPath } from "./openapi.ts"
export type { DocumentedRoute, OpenApiDocument, OpenApiInfo } from "./openapi.ts"
