import { Module } from "../../framework/modules/index.ts"
import { SalesChannelModuleService } from "./service.ts"

export const SALES_CHANNEL_MODULE = "sales_channel"
export { SalesChannelModuleService }
export type { SalesChannelDTO } from "./service.ts"
export default Module(SALES_CHANNEL_MODULE, { service: SalesChannelModuleService })
