import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { UpdateCustomerInput } from "../../../modules/customer/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { CustomerEvents } from "../events.ts"
import { updateCustomersStep } from "../steps/update-customers.ts"

export type UpdateCustomersWorkflowInput = {
  customer_ids: string[]
  update: Omit<UpdateCustomerInput, "id">
  additional_data?: Record<string, unknown>
}

export const updateCustomersWorkflowId = "update-customers"
/** Applies one change to customers (an email keeps to one account per email); announces `customer.updated` for each. */
export const updateCustomersWorkflow = createWorkflow(updateCustomersWorkflowId, (input: WorkflowData<UpdateCustomersWorkflowInput>) => {
  const customers = updateCustomersStep({ ids: input.customer_ids, update: input.update })
  const customersUpdated = createHook("customersUpdated", { customers, additional_data: input.additional_data })
  emitEventStep(
    transform({ input }, ({ input }) => input.customer_ids.map((id) => ({ name: CustomerEvents.UPDATED, data: { id } }))),
  )
  return new WorkflowResponse(customers, { hooks: [customersUpdated] })
})
