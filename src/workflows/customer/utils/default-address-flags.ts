import type { CustomerModuleService } from "../../../modules/customer/index.ts"

/** Which of a customer's addresses is the default shipping and billing one, to put back on rollback. */
export type DefaultAddressFlags = { id: string; is_default_shipping: boolean; is_default_billing: boolean }[]

export async function snapshotDefaultFlags(service: CustomerModuleService, customerIds: string[]): Promise<DefaultAddressFlags> {
  if (customerIds.length === 0) return []
  const addresses = await service.listCustomerAddresses(
    { customer_id: [...new Set(customerIds)] },
    { select: ["id", "is_default_shipping", "is_default_billing"] },
  )
  return addresses.map(({ id, is_default_shipping, is_default_billing }) => ({ id, is_default_shipping, is_default_billing }))
}

/** Puts the flags back on the addresses that still exist (clearing first, so no customer holds two defaults). */
export async function restoreDefaultFlags(service: CustomerModuleService, flags: DefaultAddressFlags): Promise<void> {
  if (flags.length === 0) return
  const ids = flags.map((flag) => flag.id)
  await service.updateCustomerAddresses({ selector: { id: ids }, data: { is_default_shipping: false, is_default_billing: false } })
  const defaults = flags.filter((flag) => flag.is_default_shipping || flag.is_default_billing)
  if (defaults.length > 0) await service.updateCustomerAddresses(defaults)
}
