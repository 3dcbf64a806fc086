import { Module } from "../../framework/modules/index.ts"
import { AuthModuleService } from "./service.ts"

export const AUTH_MODULE = "auth"
export { AuthModuleService, EMAILPASS } from "./service.ts"
export default Module(AUTH_MODULE, { service: AuthModuleService })
