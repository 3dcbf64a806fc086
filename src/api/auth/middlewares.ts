import { authenticate } from "../../framework/auth/index.ts"
import type { MiddlewareRoute } from "../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../framework/http/index.ts"
import { AuthNoQuery, AuthRefreshBody } from "./validators.ts"

const noQuery = validateAndTransformQuery(AuthNoQuery, { defaults: [] })

// Sign-in and registration bodies are the provider's to check (a bad one is its 401, API.md §2).
export const authRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/auth/:actor_type/:auth_provider", method: "POST", middlewares: [noQuery] },
  { matcher: "/auth/:actor_type/:auth_provider/register", method: "POST", middlewares: [noQuery] },
  {
    matcher: "/auth/token/refresh",
    method: "POST",
    middlewares: [authenticate("*", ["bearer"], { allowUnregistered: true }), validateAndTransformBody(AuthRefreshBody), noQuery],
  },
]
