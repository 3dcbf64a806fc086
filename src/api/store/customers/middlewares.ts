import { authenticate } from "../../../framework/auth/index.ts"
import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { transferCartMiddlewares } from "../carts/[id]/customer/middlewares.ts"
import {
  listStoreCustomerAddressesQueryConfig,
  retrieveStoreCustomerAddressQueryConfig,
  retrieveStoreCustomerQueryConfig,
} from "./query-config.ts"
import {
  StoreCreateCustomer,
  StoreCreateCustomerAddress,
  StoreDeleteCustomerAddressParams,
  StoreGetCustomerAddressesParams,
  StoreGetCustomerAddressParams,
  StoreGetCustomerParams,
  StoreUpdateCustomer,
  StoreUpdateCustomerAddress,
} from "./validators.ts"

const customer = authenticate("customer", ["bearer"])
const customerQuery = validateAndTransformQuery(StoreGetCustomerParams, retrieveStoreCustomerQueryConfig)

export const storeCustomersRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/customers",
    method: "POST",
    // A registration token (no customer yet) is what this route is for.
    middlewares: [authenticate("customer", ["bearer"], { allowUnregistered: true }), validateAndTransformBody(StoreCreateCustomer), customerQuery],
  },
  { matcher: "/store/customers/me", method: "GET", middlewares: [customer, customerQuery] },
  { matcher: "/store/customers/me", method: "POST", middlewares: [customer, validateAndTransformBody(StoreUpdateCustomer), customerQuery] },
  {
    matcher: "/store/customers/me/addresses",
    method: "GET",
    middlewares: [customer, validateAndTransformQuery(StoreGetCustomerAddressesParams, listStoreCustomerAddressesQueryConfig)],
  },
  {
    matcher: "/store/customers/me/addresses",
    method: "POST",
    middlewares: [customer, validateAndTransformBody(StoreCreateCustomerAddress), customerQuery],
  },
  {
    matcher: "/store/customers/me/addresses/:address_id",
    method: "GET",
    middlewares: [customer, validateAndTransformQuery(StoreGetCustomerAddressParams, retrieveStoreCustomerAddressQueryConfig)],
  },
  {
    matcher: "/store/customers/me/addresses/:address_id",
    method: "POST",
    middlewares: [customer, validateAndTransformBody(StoreUpdateCustomerAddress), customerQuery],
  },
  {
    matcher: "/store/customers/me/addresses/:address_id",
    method: "DELETE",
    middlewares: [customer, validateAndTransformQuery(StoreDeleteCustomerAddressParams, retrieveStoreCustomerQueryConfig)],
  },
  ...transferCartMiddlewares,
]
