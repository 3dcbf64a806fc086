import { Module } from "../../framework/modules/index.ts"
import { CartModuleService } from "./service.ts"

export const CART_MODULE = "cart"
export { CartModuleService }
export type { CartAddresses, CartFilters, CartFindConfig, CreateCartInput } from "./service.ts"
export type { CartAddress, CartDetail, CartLineItem, CartShippingMethod, CartWithParts } from "./cart-detail.ts"
export { cartDetailOf } from "./cart-detail.ts"
export type { CartAddressInput, CartLineItemInput, CartShippingMethodInput } from "./inputs.ts"
export default Module(CART_MODULE, { service: CartModuleService })
