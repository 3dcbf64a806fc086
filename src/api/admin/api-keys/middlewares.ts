import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listApiKeysQueryConfig, retrieveApiKeyQueryConfig } from "./query-config.ts"
import {
  AdminBatchApiKeySalesChannels,
  AdminCreateApiKey,
  AdminGetApiKeyParams,
  AdminGetApiKeysParams,
  AdminRevokeApiKey,
  AdminUpdateApiKey,
} from "./validators.ts"

const apiKeyQuery = validateAndTransformQuery(AdminGetApiKeyParams, retrieveApiKeyQueryConfig)

export const adminApiKeysRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/api-keys", method: "GET", middlewares: [validateAndTransformQuery(AdminGetApiKeysParams, listApiKeysQueryConfig)] },
  { matcher: "/admin/api-keys", method: "POST", middlewares: [validateAndTransformBody(AdminCreateApiKey), apiKeyQuery] },
  { matcher: "/admin/api-keys/:id", method: ["GET", "DELETE"], middlewares: [apiKeyQuery] },
  { matcher: "/admin/api-keys/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateApiKey), apiKeyQuery] },
  { matcher: "/admin/api-keys/:id/revoke", method: "POST", middlewares: [validateAndTransformBody(AdminRevokeApiKey), apiKeyQuery] },
  {
    matcher: "/admin/api-keys/:id/sales-channels",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminBatchApiKeySalesChannels), apiKeyQuery],
  },
]
