import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listAdminOrdersQueryConfig, retrieveAdminOrderQueryConfig } from "./query-config.ts"
import {
  AdminCancelFulfillment,
  AdminCancelOrder,
  AdminCompleteOrder,
  AdminCreateFulfillment,
  AdminCreateShipment,
  AdminGetOrderParams,
  AdminGetOrdersParams,
  AdminMarkOrderFulfillmentDelivered,
} from "./validators.ts"

const orderQuery = validateAndTransformQuery(AdminGetOrderParams, retrieveAdminOrderQueryConfig)

/** A write on an order: its body, then the order it answers with. */
const orderAction = (matcher: string, body: Parameters<typeof validateAndTransformBody>[0]): MiddlewareRoute => ({
  matcher,
  method: "POST",
  middlewares: [validateAndTransformBody(body), orderQuery],
})

export const adminOrdersRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/orders", method: "GET", middlewares: [validateAndTransformQuery(AdminGetOrdersParams, listAdminOrdersQueryConfig)] },
  { matcher: "/admin/orders/:id", method: "GET", middlewares: [orderQuery] },
  orderAction("/admin/orders/:id/cancel", AdminCancelOrder),
  orderAction("/admin/orders/:id/complete", AdminCompleteOrder),
  orderAction("/admin/orders/:id/fulfillments", AdminCreateFulfillment),
  orderAction("/admin/orders/:id/fulfillments/:fulfillment_id/cancel", AdminCancelFulfillment),
  orderAction("/admin/orders/:id/fulfillments/:fulfillment_id/shipments", AdminCreateShipment),
  orderAction("/admin/orders/:id/fulfillments/:fulfillment_id/mark-as-delivered", AdminMarkOrderFulfillmentDelivered),
]
