import { Module } from "../../framework/modules/index.ts"
import { ErpModuleService } from "./service.ts"

export const ERP_MODULE = "erp"
export { ErpModuleService, ErpErrorCodes } from "./service.ts"
export type { ErpModuleOptions } from "./options.ts"
export type { ErpProduct, ErpProductData } from "./types.ts"
export default Module(ERP_MODULE, { service: ErpModuleService })
