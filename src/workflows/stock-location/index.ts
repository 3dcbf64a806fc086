export { StockLocationEvents } from "./events.ts"
export { createStockLocationsStep, createStockLocationsStepId } from "./steps/create-stock-locations.ts"
export { validateStockLocationStep, validateStockLocationStepId } from "./steps/validate-stock-location.ts"
export { createStockLocationsWorkflow, createStockLocationsWorkflowId } from "./workflows/create-stock-locations.ts"
export type { CreateStockLocationsWorkflowInput } from "./workflows/create-stock-locations.ts"
export {
  linkSalesChannelsToStockLocationWorkflow,
  linkSalesChannelsToStockLocationWorkflowId,
} from "./workflows/link-sales-channels-to-stock-location.ts"
export type { LinkSalesChannelsToStockLocationWorkflowInput } from "./workflows/link-sales-channels-to-stock-location.ts"
