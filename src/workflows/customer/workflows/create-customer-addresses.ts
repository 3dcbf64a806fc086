import { createHook, createWorkflow, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CreateCustomerAddressInput } from "../../../modules/customer/index.ts"
import { createCustomerAddressesStep } from "../steps/create-customer-addresses.ts"

export type CreateCustomerAddressesWorkflowInput = {
  addresses: CreateCustomerAddressInput[]
  additional_data?: Record<string, unknown>
}

export const createCustomerAddressesWorkflowId = "create-customer-addresses"
/** Adds addresses to customers; one marked default shipping or billing takes over from the customer's old default. */
export const createCustomerAddressesWorkflow = createWorkflow(
  createCustomerAddressesWorkflowId,
  (input: WorkflowData<CreateCustomerAddressesWorkflowInput>) => {
    const addresses = createCustomerAddressesStep(input.addresses)
    const addressesCreated = createHook("addressesCreated", { addresses, additional_data: input.additional_data })
    return new WorkflowResponse(addresses, { hooks: [addressesCreated] })
  },
)
