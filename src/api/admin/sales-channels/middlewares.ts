import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listSalesChannelsQueryConfig, retrieveSalesChannelQueryConfig } from "./query-config.ts"
import { AdminCreateSalesChannel, AdminGetSalesChannelParams, AdminGetSalesChannelsParams, AdminUpdateSalesChannel } from "./validators.ts"

const salesChannelQuery = validateAndTransformQuery(AdminGetSalesChannelParams, retrieveSalesChannelQueryConfig)

export const adminSalesChannelsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/sales-channels",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetSalesChannelsParams, listSalesChannelsQueryConfig)],
  },
  { matcher: "/admin/sales-channels", method: "POST", middlewares: [validateAndTransformBody(AdminCreateSalesChannel), salesChannelQuery] },
  { matcher: "/admin/sales-channels/:id", method: ["GET", "DELETE"], middlewares: [salesChannelQuery] },
  { matcher: "/admin/sales-channels/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateSalesChannel), salesChannelQuery] },
]
