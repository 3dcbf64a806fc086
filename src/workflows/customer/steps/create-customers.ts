import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CUSTOMER_MODULE } from "../../../modules/customer/index.ts"
import type { CreateCustomerInput, CustomerDTO, CustomerModuleService } from "../../../modules/customer/index.ts"

export const createCustomersStepId = "create-customers-step"
/** Creates customers (with their addresses); its compensation deletes them. */
export const createCustomersStep = createStep(
  createCustomersStepId,
  async (input: CreateCustomerInput[], { container }) => {
    const customers = await container.resolve<CustomerModuleService>(CUSTOMER_MODULE).createCustomers(input)
    return new StepResponse<CustomerDTO[], string[]>(customers, customers.map((customer) => customer.id))
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<CustomerModuleService>(CUSTOMER_MODULE).deleteCustomers(ids)
  },
)
