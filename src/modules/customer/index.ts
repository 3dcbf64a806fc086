import { Module } from "../../framework/modules/index.ts"
import { CustomerModuleService } from "./service.ts"

export const CUSTOMER_MODULE = "customer"
export { CustomerModuleService }
export type {
  CreateCustomerAddressInput,
  CreateCustomerInput,
  CustomerDTO,
  UpdateCustomerAddressInput,
  UpdateCustomerInput,
} from "./service.ts"
export type { CustomerAddressDTO } from "./models/customer-address.ts"
export default Module(CUSTOMER_MODULE, { service: CustomerModuleService })
