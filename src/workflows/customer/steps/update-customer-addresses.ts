import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CUSTOMER_MODULE } from "../../../modules/customer/index.ts"
import type { CustomerAddressDTO, CustomerModuleService, UpdateCustomerAddressInput } from "../../../modules/customer/index.ts"
import { restoreDefaultFlags, snapshotDefaultFlags } from "../utils/default-address-flags.ts"
import type { DefaultAddressFlags } from "../utils/default-address-flags.ts"

type Previous = { addresses: UpdateCustomerAddressInput[]; flags: DefaultAddressFlags }

const FIELDS = [
  "address_name",
  "company",
  "first_name",
  "last_name",
  "address_1",
  "address_2",
  "city",
  "country_code",
  "province",
  "postal_code",
  "phone",
  "metadata",
] as const

export const updateCustomerAddressesStepId = "update-customer-addresses-step"
/**
 * Changes addresses; one made a default takes over from the customer's old one. Its compensation puts
 * back the fields it changed and every default flag of the customers involved.
 */
export const updateCustomerAddressesStep = createStep(
  updateCustomerAddressesStepId,
  async (input: UpdateCustomerAddressInput[], { container }) => {
    const service = container.resolve<CustomerModuleService>(CUSTOMER_MODULE)
    if (input.length === 0) return new StepResponse<CustomerAddressDTO[], Previous>([], { addresses: [], flags: [] })
    const current = await service.listCustomerAddresses({ id: input.map((address) => address.id) })
    const flags = await snapshotDefaultFlags(service, current.map((address) => address.customer_id))
    const addresses = current.map((address) => {
      const change = input.find((candidate) => candidate.id === address.id)
      const before: UpdateCustomerAddressInput = { id: address.id }
      for (const field of FIELDS) if (change?.[field] !== undefined) Object.assign(before, { [field]: address[field] })
      return before
    })
    const updated = await service.updateCustomerAddresses(input)
    return new StepResponse(updated, { addresses, flags })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service = container.resolve<CustomerModuleService>(CUSTOMER_MODULE)
    const changed = previous.addresses.filter((address) => Object.keys(address).length > 1)
    if (changed.length > 0) await service.updateCustomerAddresses(changed)
    await restoreDefaultFlags(service, previous.flags)
  },
)
