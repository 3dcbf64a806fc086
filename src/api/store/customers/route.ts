import { AgoraError } from "../../../framework/errors/index.ts"
import type { AgoraResponse, AuthenticatedAgoraRequest } from "../../../framework/http/index.ts"
import { retrieveEntity } from "../../../framework/http/index.ts"
import { createCustomerAccountWorkflow } from "../../../workflows/customer/workflows/create-customer-account.ts"
import type { StoreCreateCustomer } from "./validators.ts"

/** Registers the customer of a registration token (API.md §7); the client signs in again to act as it. */
export const POST = async (req: AuthenticatedAgoraRequest<StoreCreateCustomer>, res: AgoraResponse) => {
  if (req.auth_context.actor_id) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, "Request already authenticated as a customer.")
  }
  const { additional_data: _additional, ...customerData } = req.validatedBody
  const { result } = await createCustomerAccountWorkflow(req.scope).run({
    input: { authIdentityId: req.auth_context.auth_identity_id, customerData },
  })
  const customer = await retrieveEntity({ entity: "customer", idOrFilter: result.id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ customer })
}
