import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listWorkflowExecutionsQueryConfig, retrieveWorkflowExecutionQueryConfig } from "./query-config.ts"
import { AdminGetWorkflowExecutionParams, AdminGetWorkflowExecutionsParams } from "./validators.ts"

export const adminWorkflowExecutionRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/workflows-executions",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetWorkflowExecutionsParams, listWorkflowExecutionsQueryConfig)],
  },
  {
    matcher: "/admin/workflows-executions/:id",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetWorkflowExecutionParams, retrieveWorkflowExecutionQueryConfig)],
  },
]
