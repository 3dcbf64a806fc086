import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CUSTOMER_MODULE } from "../../../modules/customer/index.ts"
import type { CustomerModuleService } from "../../../modules/customer/index.ts"

export const deleteCustomerAddressesStepId = "delete-customer-addresses-step"
/** Soft-deletes addresses; its compensation restores them. */
export const deleteCustomerAddressesStep = createStep(
  deleteCustomerAddressesStepId,
  async (ids: string[], { container }) => {
    if (ids.length > 0) await container.resolve<CustomerModuleService>(CUSTOMER_MODULE).softDeleteCustomerAddresses(ids)
    return new StepResponse(undefined, ids)
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<CustomerModuleService>(CUSTOMER_MODULE).restoreCustomerAddresses(ids)
  },
)
