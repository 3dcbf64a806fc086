import type { AgoraResponse, AuthenticatedAgoraRequest } from "../../../../../../framework/http/index.ts"
import { AgoraError } from "../../../../../../framework/errors/index.ts"
import { refetchEntity, retrieveEntity } from "../../../../../../framework/http/index.ts"
import { deleteCustomerAddressesWorkflow } from "../../../../../../workflows/customer/workflows/delete-customer-addresses.ts"
import { updateCustomerAddressesWorkflow } from "../../../../../../workflows/customer/workflows/update-customer-addresses.ts"
import type { StoreUpdateCustomerAddress } from "../../../validators.ts"

type AddressParams = { address_id: string }

/** One of the signed-in customer's addresses; another customer's is not found. */
export const GET = async (req: AuthenticatedAgoraRequest, res: AgoraResponse) => {
  const { address_id } = req.params as AddressParams
  const address = await refetchEntity({
    entity: "customer_address",
    idOrFilter: { id: address_id, customer_id: req.auth_context.actor_id },
    scope: req.scope,
    fields: req.queryConfig.fields,
  })
  if (!address) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Address with id: ${address_id} was not found`)
  res.json({ address })
}

/** Changes one of the signed-in customer's addresses; answers with the customer. */
export const POST = async (req: AuthenticatedAgoraRequest<StoreUpdateCustomerAddress>, res: AgoraResponse) => {
  const { address_id } = req.params as AddressParams
  const customerId = req.auth_context.actor_id
  const { additional_data, ...update } = req.validatedBody
  await updateCustomerAddressesWorkflow(req.scope).run({
    input: { customer_id: customerId, updates: [{ ...update, id: address_id }], additional_data },
  })
  const customer = await retrieveEntity({ entity: "customer", idOrFilter: customerId, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ customer })
}

/** Deletes one of the signed-in customer's addresses; answers with the customer as `parent`. */
export const DELETE = async (req: AuthenticatedAgoraRequest, res: AgoraResponse) => {
  const { address_id } = req.params as AddressParams
  const customerId = req.auth_context.actor_id
  await deleteCustomerAddressesWorkflow(req.scope).run({ input: { customer_id: customerId, ids: [address_id] } })
  const customer = await retrieveEntity({ entity: "customer", idOrFilter: customerId, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ id: address_id, object: "address", deleted: true, parent: customer })
}
