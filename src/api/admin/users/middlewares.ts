import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listUsersQueryConfig, retrieveUserQueryConfig } from "./query-config.ts"
import { AdminGetUserParams, AdminGetUsersParams, AdminUpdateUser } from "./validators.ts"

const userQuery = validateAndTransformQuery(AdminGetUserParams, retrieveUserQueryConfig)

export const adminUsersRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/users", method: "GET", middlewares: [validateAndTransformQuery(AdminGetUsersParams, listUsersQueryConfig)] },
  // Also `/admin/users/me`.
  { matcher: "/admin/users/:id", method: "GET", middlewares: [userQuery] },
  { matcher: "/admin/users/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateUser), userQuery] },
]
