import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CUSTOMER_MODULE } from "../../../modules/customer/index.ts"
import type { CustomerModuleService } from "../../../modules/customer/index.ts"

export type ValidateCustomerAddressesStepInput = { customer_id: string; address_ids: string[] }

export const validateCustomerAddressesStepId = "validate-customer-addresses-step"
/** Every address must be the customer's: another customer's address is as unknown as a missing one. */
export const validateCustomerAddressesStep = createStep(
  { name: validateCustomerAddressesStepId, readOnly: true },
  async ({ customer_id, address_ids }: ValidateCustomerAddressesStepInput, { container }) => {
    if (address_ids.length === 0) return new StepResponse(undefined)
    const owned = await container
      .resolve<CustomerModuleService>(CUSTOMER_MODULE)
      .listCustomerAddresses({ id: address_ids, customer_id }, { select: ["id"] })
    const missing = address_ids.filter((id) => !owned.some((address) => address.id === id))
    if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Address with id: ${missing.join(", ")} was not found`)
    return new StepResponse(undefined)
  },
)
