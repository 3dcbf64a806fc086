import { ModuleService } from "../../framework/modules/index.ts"
import { User } from "./models/user.ts"

export class UserModuleService extends ModuleService({ User }) {}
