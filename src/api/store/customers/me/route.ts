import type { AgoraResponse, AuthenticatedAgoraRequest } from "../../../../framework/http/index.ts"
import { retrieveEntity } from "../../../../framework/http/index.ts"
import { updateCustomersWorkflow } from "../../../../workflows/customer/workflows/update-customers.ts"
import type { StoreUpdateCustomer } from "../validators.ts"

/** The signed-in customer. */
export const GET = async (req: AuthenticatedAgoraRequest, res: AgoraResponse) => {
  const customer = await retrieveEntity({ entity: "customer", idOrFilter: req.auth_context.actor_id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ customer })
}

/** Changes the signed-in customer's name, phone, company or metadata. */
export const POST = async (req: AuthenticatedAgoraRequest<StoreUpdateCustomer>, res: AgoraResponse) => {
  const { additional_data, ...update } = req.validatedBody
  await updateCustomersWorkflow(req.scope).run({ input: { customer_ids: [req.auth_context.actor_id], update, additional_data } })
  const customer = await retrieveEntity({ entity: "customer", idOrFilter: req.auth_context.actor_id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ customer })
}
