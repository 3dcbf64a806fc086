import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listJobRunsQueryConfig, listJobsQueryConfig } from "./query-config.ts"
import { AdminGetJobRunsParams, AdminGetJobsParams } from "./validators.ts"

export const adminJobRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/jobs",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetJobsParams, listJobsQueryConfig)],
  },
  {
    matcher: "/admin/jobs/:name/runs",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetJobRunsParams, listJobRunsQueryConfig)],
  },
]
