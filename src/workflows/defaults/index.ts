export { createDefaultSalesChannelStep, createDefaultSalesChannelStepId } from "./steps/create-default-sales-channel.ts"
export type { CreateDefaultSalesChannelStepInput, DefaultSalesChannel } from "./steps/create-default-sales-channel.ts"
export { createDefaultStoreStep, createDefaultStoreStepId } from "./steps/create-default-store.ts"
export type { CreateDefaultStoreStepInput, DefaultStore } from "./steps/create-default-store.ts"
export {
  createDefaultsWorkflow,
  createDefaultsWorkflowId,
  DEFAULT_SALES_CHANNEL_NAME,
  DEFAULT_STORE_NAME,
} from "./workflows/create-defaults.ts"
