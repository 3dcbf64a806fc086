import type { AgoraResponse, AuthenticatedAgoraRequest } from "../../../../../framework/http/index.ts"
import { retrieveEntity } from "../../../../../framework/http/index.ts"
import type { Query } from "../../../../../framework/modules/index.ts"
import { createCustomerAddressesWorkflow } from "../../../../../workflows/customer/workflows/create-customer-addresses.ts"
import type { StoreCreateCustomerAddress, StoreGetCustomerAddressesParams } from "../../validators.ts"

/** The signed-in customer's addresses. */
export const GET = async (req: AuthenticatedAgoraRequest<unknown, StoreGetCustomerAddressesParams>, res: AgoraResponse) => {
  const { data: addresses, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "customer_address",
    fields: req.queryConfig.fields,
    filters: { ...req.filterableFields, customer_id: req.auth_context.actor_id },
    pagination: req.queryConfig.pagination,
  })
  res.json({ addresses, count: metadata.count, offset: metadata.skip, limit: metadata.take })
}

/** Adds an address to the signed-in customer; answers with the customer. */
export const POST = async (req: AuthenticatedAgoraRequest<StoreCreateCustomerAddress>, res: AgoraResponse) => {
  const customerId = req.auth_context.actor_id
  const { additional_data, ...address } = req.validatedBody
  await createCustomerAddressesWorkflow(req.scope).run({ input: { addresses: [{ ...address, customer_id: customerId }], additional_data } })
  const customer = await retrieveEntity({ entity: "customer", idOrFilter: customerId, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ customer })
}
