import { Module } from "../../framework/modules/index.ts"
import { ApiKeyModuleService } from "./service.ts"

export const API_KEY_MODULE = "api_key"
export { ApiKeyModuleService }
export type { ApiKeyDTO, CreateApiKeyInput, RevokeApiKeyInput } from "./service.ts"
export { API_KEY_TYPES } from "./models/api-key.ts"
export type { ApiKeyType } from "./models/api-key.ts"
export default Module(API_KEY_MODULE, { service: ApiKeyModuleService })
