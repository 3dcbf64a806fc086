import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import { readOrders } from "../../utils/read-orders.ts"
import type { AdminGetOrdersParams } from "./validators.ts"

/** Orders, newest first by default; draft orders are not listed. */
export const GET = async (req: AgoraRequest<unknown, AdminGetOrdersParams>, res: AgoraResponse) => {
  const { orders, count, skip, take } = await readOrders(req.scope, {
    fields: req.queryConfig.fields,
    filters: { ...req.filterableFields, $and: [{ status: { $ne: "draft" } }] },
    pagination: req.queryConfig.pagination,
  })
  res.json({ orders, count, offset: skip, limit: take })
}
