import type { AgoraResponse, AuthenticatedAgoraRequest } from "../../../framework/http/index.ts"
import { readOrders } from "../../utils/read-orders.ts"
import type { StoreGetOrdersParams } from "./validators.ts"

/** The signed-in customer's orders, and only theirs (drafts are not orders yet). */
export const GET = async (req: AuthenticatedAgoraRequest<unknown, StoreGetOrdersParams>, res: AgoraResponse) => {
  const { orders, count, skip, take } = await readOrders(req.scope, {
    fields: req.queryConfig.fields,
    filters: { ...req.filterableFields, customer_id: req.auth_context.actor_id, $and: [{ status: { $ne: "draft" } }] },
    pagination: req.queryConfig.pagination,
  })
  res.json({ orders, count, offset: skip, limit: take })
}
