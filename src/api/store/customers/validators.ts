import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"

const oneOrMany = z.union([z.string(), z.array(z.string())])
const metadata = z.record(z.string(), z.unknown()).nullish()
const additionalData = z.record(z.string(), z.unknown()).optional()

export const StoreGetCustomerParams = createSelectParams().strict()
export type StoreGetCustomerParams = z.infer<typeof StoreGetCustomerParams>

export const StoreCreateCustomer = z
  .object({
    email: z.email().nullish(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    phone: z.string().nullish(),
    company_name: z.string().nullish(),
    metadata,
    additional_data: additionalData,
  })
  .strict()
export type StoreCreateCustomer = z.infer<typeof StoreCreateCustomer>

export const StoreUpdateCustomer = z
  .object({
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    phone: z.string().nullish(),
    company_name: z.string().nullish(),
    metadata,
    additional_data: additionalData,
  })
  .strict()
export type StoreUpdateCustomer = z.infer<typeof StoreUpdateCustomer>

const addressFields = {
  address_name: z.string().nullish(),
  is_default_shipping: z.boolean().optional(),
  is_default_billing: z.boolean().optional(),
  company: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  address_1: z.string().nullish(),
  address_2: z.string().nullish(),
  city: z.string().nullish(),
  country_code: z.string().nullish(),
  province: z.string().nullish(),
  postal_code: z.string().nullish(),
  phone: z.string().nullish(),
  metadata,
  additional_data: additionalData,
}

export const StoreCreateCustomerAddress = z.object(addressFields).strict()
export type StoreCreateCustomerAddress = z.infer<typeof StoreCreateCustomerAddress>

export const StoreUpdateCustomerAddress = z.object(addressFields).strict()
export type StoreUpdateCustomerAddress = z.infer<typeof StoreUpdateCustomerAddress>

export const StoreGetCustomerAddressParams = createSelectParams().strict()
export type StoreGetCustomerAddressParams = z.infer<typeof StoreGetCustomerAddressParams>

export const StoreGetCustomerAddressesParams = createFindParams({ limit: 50 })
  .extend({
    q: z.string().optional(),
    city: oneOrMany.optional(),
    country_code: oneOrMany.optional(),
    postal_code: oneOrMany.optional(),
  })
  .strict()
export type StoreGetCustomerAddressesParams = z.infer<typeof StoreGetCustomerAddressesParams>

/** DELETE takes no parameters but the customer's `fields` of the parent it answers with. */
export const StoreDeleteCustomerAddressParams = createSelectParams().strict()
