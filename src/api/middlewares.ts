import { defineMiddlewares } from "../framework/http/index.ts"
import { adminApiKeysRoutesMiddlewares } from "./admin/api-keys/middlewares.ts"
import { adminBrandRoutesMiddlewares } from "./admin/brands/middlewares.ts"
import { adminFulfillmentProvidersRoutesMiddlewares } from "./admin/fulfillment-providers/middlewares.ts"
import { adminFulfillmentSetsRoutesMiddlewares } from "./admin/fulfillment-sets/middlewares.ts"
import { adminInventoryItemsRoutesMiddlewares } from "./admin/inventory-items/middlewares.ts"
import { adminJobRoutesMiddlewares } from "./admin/jobs/middlewares.ts"
import { adminOrdersRoutesMiddlewares } from "./admin/orders/middlewares.ts"
import { adminPaymentsRoutesMiddlewares } from "./admin/payments/middlewares.ts"
import { adminProductsRoutesMiddlewares } from "./admin/products/middlewares.ts"
import { adminRegionsRoutesMiddlewares } from "./admin/regions/middlewares.ts"
import { adminReservationsRoutesMiddlewares } from "./admin/reservations/middlewares.ts"
import { adminSalesChannelsRoutesMiddlewares } from "./admin/sales-channels/middlewares.ts"
import { adminShippingOptionsRoutesMiddlewares } from "./admin/shipping-options/middlewares.ts"
import { adminShippingProfilesRoutesMiddlewares } from "./admin/shipping-profiles/middlewares.ts"
import { adminStockLocationsRoutesMiddlewares } from "./admin/stock-locations/middlewares.ts"
import { adminStoresRoutesMiddlewares } from "./admin/stores/middlewares.ts"
import { adminUsersRoutesMiddlewares } from "./admin/users/middlewares.ts"
import { adminWorkflowExecutionRoutesMiddlewares } from "./admin/workflows-executions/middlewares.ts"
import { authRoutesMiddlewares } from "./auth/middlewares.ts"
import { storeCartsRoutesMiddlewares } from "./store/carts/middlewares.ts"
import { storeCustomersRoutesMiddlewares } from "./store/customers/middlewares.ts"
import { storeOrdersRoutesMiddlewares } from "./store/orders/middlewares.ts"
import { storePaymentCollectionsRoutesMiddlewares } from "./store/payment-collections/middlewares.ts"
import { storePaymentProvidersRoutesMiddlewares } from "./store/payment-providers/middlewares.ts"
import { storeProductsRoutesMiddlewares } from "./store/products/middlewares.ts"
import { storeRegionsRoutesMiddlewares } from "./store/regions/middlewares.ts"
import { storeShippingOptionsRoutesMiddlewares } from "./store/shipping-options/middlewares.ts"

export default defineMiddlewares({
  routes: [
    ...adminApiKeysRoutesMiddlewares,
    ...adminBrandRoutesMiddlewares,
    ...adminFulfillmentProvidersRoutesMiddlewares,
    ...adminFulfillmentSetsRoutesMiddlewares,
    ...adminInventoryItemsRoutesMiddlewares,
    ...adminJobRoutesMiddlewares,
    ...adminOrdersRoutesMiddlewares,
    ...adminPaymentsRoutesMiddlewares,
    ...adminProductsRoutesMiddlewares,
    ...adminRegionsRoutesMiddlewares,
    ...adminReservationsRoutesMiddlewares,
    ...adminSalesChannelsRoutesMiddlewares,
    ...adminShippingOptionsRoutesMiddlewares,
    ...adminShippingProfilesRoutesMiddlewares,
    ...adminStockLocationsRoutesMiddlewares,
    ...adminStoresRoutesMiddlewares,
    ...adminUsersRoutesMiddlewares,
    ...adminWorkflowExecutionRoutesMiddlewares,
    ...authRoutesMiddlewares,
    ...storeCartsRoutesMiddlewares,
    ...storeCustomersRoutesMiddlewares,
    ...storeOrdersRoutesMiddlewares,
    ...storePaymentCollectionsRoutesMiddlewares,
    ...storePaymentProvidersRoutesMiddlewares,
    ...storeProductsRoutesMiddlewares,
    ...storeRegionsRoutesMiddlewares,
    ...storeShippingOptionsRoutesMiddlewares,
  ],
})
