import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CUSTOMER_MODULE } from "../../../modules/customer/index.ts"
import type { CreateCustomerAddressInput, CustomerAddressDTO, CustomerModuleService } from "../../../modules/customer/index.ts"
import { restoreDefaultFlags, snapshotDefaultFlags } from "../utils/default-address-flags.ts"
import type { DefaultAddressFlags } from "../utils/default-address-flags.ts"

type Created = { ids: string[]; flags: DefaultAddressFlags }

export const createCustomerAddressesStepId = "create-customer-addresses-step"
/**
 * Adds addresses to customers; a new default takes over from the customer's old one. Its compensation
 * deletes them and gives the old defaults back.
 */
export const createCustomerAddressesStep = createStep(
  createCustomerAddressesStepId,
  async (input: CreateCustomerAddressInput[], { container }) => {
    const service = container.resolve<CustomerModuleService>(CUSTOMER_MODULE)
    const flags = await snapshotDefaultFlags(service, input.map((address) => address.customer_id))
    const created = await service.createCustomerAddresses(input)
    return new StepResponse<CustomerAddressDTO[], Created>(created, { ids: created.map((address) => address.id), flags })
  },
  async (created, { container }) => {
    if (!created) return
    const service = container.resolve<CustomerModuleService>(CUSTOMER_MODULE)
    if (created.ids.length > 0) await service.deleteCustomerAddresses(created.ids)
    await restoreDefaultFlags(service, created.flags)
  },
)
