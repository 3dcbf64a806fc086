import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CreateCustomerInput, CustomerDTO } from "../../../modules/customer/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { CustomerEvents } from "../events.ts"
import { createCustomersStep } from "../steps/create-customers.ts"
import { setAuthAppMetadataStep } from "../steps/set-auth-app-metadata.ts"
import { validateCustomerAccountCreationStep } from "../steps/validate-customer-account-creation.ts"

export type CreateCustomerAccountWorkflowInput = {
  authIdentityId: string
  customerData: Omit<CreateCustomerInput, "has_account">
}

export const createCustomerAccountWorkflowId = "create-customer-account"
/**
 * Registers a customer for an auth identity: creates the customer with `has_account: true` (one
 * account per email) and binds it to the identity as its `customer_id`. Announces `customer.created`.
 */
export const createCustomerAccountWorkflow = createWorkflow(
  createCustomerAccountWorkflowId,
  (input: WorkflowData<CreateCustomerAccountWorkflowInput>) => {
    validateCustomerAccountCreationStep({ authIdentityId: input.authIdentityId })
    const customers = createCustomersStep(transform({ input }, ({ input }) => [{ ...input.customerData, has_account: true }]))
    const customer = transform({ customers }, ({ customers }) => customers[0] as CustomerDTO)
    setAuthAppMetadataStep({ authIdentityId: input.authIdentityId, actorType: "customer", value: customer.id })
    const customerCreated = createHook("customerCreated", { customer })
    emitEventStep({ name: CustomerEvents.CREATED, data: { id: customer.id } })
    return new WorkflowResponse(customer, { hooks: [customerCreated] })
  },
)
