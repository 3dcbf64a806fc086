export { StockLocationEvents } from "./events.ts"
export { createStockLocationsStep, createStockLocationsStepId } from "./steps/create-stock-locations.ts"
export { updateStockLocationsStep, updateStockLocationsStepId } from "./steps/update-stock-locations.ts"
export { deleteStockLocationsStep, deleteStockLocationsStepId } from "./steps/delete-stock-locations.ts"
export { validateStockLocationStep, validateStockLocationStepId } from "./steps/validate-stock-location.ts"
export { createStockLocationsWorkflow, createStockLocationsWorkflowId } from "./workflows/create-stock-locations.ts"
export type { CreateStockLocationsWorkflowInput } from "./workflows/create-stock-locations.ts"
export { updateStockLocationsWorkflow, updateStockLocationsWorkflowId } from "./workflows/update-stock-locations.ts"
export type { UpdateStockLocationsWorkflowInput } from "./workflows/update-stock-locations.ts"
export { deleteStockLocationsWorkflow, deleteStockLocationsWorkflowId } from "./workflows/delete-stock-locations.ts"
export type { DeleteStockLocationsWorkflowInput } from "./workflows/delete-stock-locations.ts"
export {
  linkSalesChannelsToStockLocationWorkflow,
  linkSalesChannelsToStockLocationWorkflowId,
} from "./workflows/link-sales-channels-to-stock-location.ts"
export type { LinkSalesChannelsToStockLocationWorkflowInput } from "./workflows/link-sales-channels-to-stock-location.ts"
export {
  linkFulfillmentProvidersToStockLocationWorkflow,
  linkFulfillmentProvidersToStockLocationWorkflowId,
} from "./workflows/link-fulfillment-providers-to-stock-location.ts"
export type { LinkFulfillmentProvidersToStockLocationWorkflowInput } from "./workflows/link-fulfillment-providers-to-stock-location.ts"
export { createLocationFulfillmentSetWorkflow, createLocationFulfillmentSetWorkflowId } from "./workflows/create-location-fulfillment-set.ts"
export type { CreateLocationFulfillmentSetWorkflowInput } from "./workflows/create-location-fulfillment-set.ts"
