import { createHook, createWorkflow, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { deleteCustomerAddressesStep } from "../steps/delete-customer-addresses.ts"
import { validateCustomerAddressesStep } from "../steps/validate-customer-addresses.ts"

export type DeleteCustomerAddressesWorkflowInput = {
  /** The customer the addresses must belong to; another's address is not found. */
  customer_id: string
  ids: string[]
}

export const deleteCustomerAddressesWorkflowId = "delete-customer-addresses"
/** Deletes a customer's addresses (soft: a failed run brings them back). */
export const deleteCustomerAddressesWorkflow = createWorkflow(
  deleteCustomerAddressesWorkflowId,
  (input: WorkflowData<DeleteCustomerAddressesWorkflowInput>) => {
    validateCustomerAddressesStep({ customer_id: input.customer_id, address_ids: input.ids })
    deleteCustomerAddressesStep(input.ids)
    const addressesDeleted = createHook("addressesDeleted", { ids: input.ids })
    return new WorkflowResponse(undefined, { hooks: [addressesDeleted] })
  },
)
