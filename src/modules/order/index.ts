import { Module } from "../../framework/modules/index.ts"
import { OrderModuleService } from "./service.ts"

export const ORDER_MODULE = "order"
export { OrderModuleService }
export { computeFulfillmentStatus } from "./fulfillment-status.ts"
export type { FulfillmentStatus, FulfillmentProgress, FulfillableItem } from "./fulfillment-status.ts"
export { computePaymentStatus } from "./payment-status.ts"
export type { PaymentStatus, PaymentCollectionSummary } from "./payment-status.ts"
export type { CreateFulfillmentInput, CreateOrderInput, OrderFilters, OrderFindConfig } from "./service.ts"
export type { FulfillmentItemInput } from "./fulfillment-plan.ts"
export type {
  OrderAddressRow,
  OrderDetail,
  OrderFulfillmentDetail,
  OrderLineItemDetail,
  OrderLineItemQuantities,
  OrderShippingMethodDetail,
} from "./order-detail.ts"
export type { OrderAddressInput, OrderLineItemInput, OrderShippingMethodInput } from "./inputs.ts"
export default Module(ORDER_MODULE, { service: OrderModuleService })
