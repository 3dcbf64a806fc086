import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { UpdateCustomerAddressInput } from "../../../modules/customer/index.ts"
import { updateCustomerAddressesStep } from "../steps/update-customer-addresses.ts"
import { validateCustomerAddressesStep } from "../steps/validate-customer-addresses.ts"

export type UpdateCustomerAddressesWorkflowInput = {
  /** The customer the addresses must belong to; another's address is not found. */
  customer_id: string
  updates: Omit<UpdateCustomerAddressInput, "customer_id">[]
  additional_data?: Record<string, unknown>
}

export const updateCustomerAddressesWorkflowId = "update-customer-addresses"
/** Changes a customer's addresses; one made default shipping or billing takes over from the old default. */
export const updateCustomerAddressesWorkflow = createWorkflow(
  updateCustomerAddressesWorkflowId,
  (input: WorkflowData<UpdateCustomerAddressesWorkflowInput>) => {
    validateCustomerAddressesStep({
      customer_id: input.customer_id,
      address_ids: transform({ input }, ({ input }) => input.updates.map((update) => update.id)),
    })
    const addresses = updateCustomerAddressesStep(input.updates)
    const addressesUpdated = createHook("addressesUpdated", { addresses, additional_data: input.additional_data })
    return new WorkflowResponse(addresses, { hooks: [addressesUpdated] })
  },
)
