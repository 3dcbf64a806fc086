import { expect } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { LinkService, Query } from "../../../src/framework/modules/index.ts"
import type { ApiKeyModuleService } from "../../../src/modules/api-key/index.ts"
import type { BrandModuleService } from "../../../src/modules/brand/index.ts"
import type { CartModuleService } from "../../../src/modules/cart/index.ts"
import type { CustomerModuleService } from "../../../src/modules/customer/index.ts"
import type { FulfillmentModuleService } from "../../../src/modules/fulfillment/index.ts"
import type { InventoryModuleService } from "../../../src/modules/inventory/index.ts"
import type { OrderModuleService } from "../../../src/modules/order/index.ts"
import type { PaymentModuleService } from "../../../src/modules/payment/index.ts"
import type { PricingModuleService } from "../../../src/modules/pricing/index.ts"
import type { ProductModuleService } from "../../../src/modules/product/index.ts"
import type { RegionModuleService } from "../../../src/modules/region/index.ts"
import type { SalesChannelModuleService } from "../../../src/modules/sales-channel/index.ts"
import type { StockLocationModuleService } from "../../../src/modules/stock-location/index.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

/** Every commerce module the links of src/links join. */
export const COMMERCE_MODULES = [
  ...DEFAULT_MODULES,
  ...[
    "product",
    "pricing",
    "inventory",
    "stock-location",
    "region",
    "sales-channel",
    "store",
    "api-key",
    "customer",
    "cart",
    "order",
    "payment",
    "fulfillment",
  ].map((name) => ({ resolve: `./src/modules/${name}` })),
]

export type LinksApp = TestApp & {
  link: LinkService
  query: Query
  products: ProductModuleService
  pricing: PricingModuleService
  inventory: InventoryModuleService
  locations: StockLocationModuleService
  regions: RegionModuleService
  channels: SalesChannelModuleService
  apiKeys: ApiKeyModuleService
  customers: CustomerModuleService
  carts: CartModuleService
  orders: OrderModuleService
  payment: PaymentModuleService
  fulfillment: FulfillmentModuleService
  brands: BrandModuleService
  /** Raw rows, read past the services. */
  rows<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

/** The app with every commerce module and the project's links, migrated. */
export async function startLinksApp(): Promise<LinksApp> {
  const t = await startTestApp({ modules: COMMERCE_MODULES })
  const resolve = <T>(key: string) => t.app.container.resolve<T>(key)
  return {
    ...t,
    link: resolve("link"),
    query: resolve("query"),
    products: resolve("product"),
    pricing: resolve("pricing"),
    inventory: resolve("inventory"),
    locations: resolve("stock_location"),
    regions: resolve("region"),
    channels: resolve("sales_channel"),
    apiKeys: resolve("api_key"),
    customers: resolve("customer"),
    carts: resolve("cart"),
    orders: resolve("order"),
    payment: resolve("payment"),
    fulfillment: resolve("fulfillment"),
    brands: resolve("brand"),
    rows: (sql, params = []) => t.app.database.execute(sql, params),
  }
}

/** The AgoraError a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<AgoraError> {
  const error = await promise.then(
    () => expect.fail("expected the call to fail"),
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AgoraError)
  return error as AgoraError
}
