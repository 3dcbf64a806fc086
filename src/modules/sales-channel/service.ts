import { ModuleService } from "../../framework/modules/index.ts"
import type { InferEntity } from "../../framework/modules/index.ts"
import { SalesChannel } from "./models/sales-channel.ts"

export type SalesChannelDTO = InferEntity<typeof SalesChannel>

export class SalesChannelModuleService extends ModuleService({ SalesChannel }) {}
