import { Module } from "../../framework/modules/index.ts"
import { UserModuleService } from "./service.ts"

export const USER_MODULE = "user"
export { UserModuleService }
export default Module(USER_MODULE, { service: UserModuleService })
