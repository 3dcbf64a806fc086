import { AgoraError } from "../../../../framework/errors/index.ts"
import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
// The owner rule of carts holds for the orders placed from them.
import { mayAccessCart as mayAccessOrder } from "../../carts/helpers/cart-access.ts"
import { readOrders } from "../../../utils/read-orders.ts"

/**
 * One order by id. A guest's order is reached by its id (the id is the secret, as in Medusa); a
 * registered customer's only with that customer's token: another customer's order is not found.
 */
export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  const fields = [...new Set([...req.queryConfig.fields, "customer_id"])]
  const { orders } = await readOrders(req.scope, { fields, filters: { id, $and: [{ status: { $ne: "draft" } }] }, pagination: { take: 1 } })
  const found = orders[0]
  if (!found || !(await mayAccessOrder(req, found.customer_id as string | null))) {
    throw new AgoraError(AgoraError.Types.NOT_FOUND, `Order with id: ${id} was not found`)
  }
  const asked = req.queryConfig.fields.includes("customer_id") || req.queryConfig.fields.includes("*")
  const order = asked ? found : withoutCustomerId(found)
  res.json({ order })
}

function withoutCustomerId(order: Record<string, unknown>): Record<string, unknown> {
  const { customer_id: _customer, ...rest } = order
  return rest
}
