import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { retrieveFulfillmentSetQueryConfig } from "./query-config.ts"
import { AdminCreateServiceZone, AdminGetFulfillmentSetParams } from "./validators.ts"

const fulfillmentSetQuery = validateAndTransformQuery(AdminGetFulfillmentSetParams, retrieveFulfillmentSetQueryConfig)

export const adminFulfillmentSetsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/fulfillment-sets/:id", method: "DELETE", middlewares: [fulfillmentSetQuery] },
  {
    matcher: "/admin/fulfillment-sets/:id/service-zones",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminCreateServiceZone), fulfillmentSetQuery],
  },
]
