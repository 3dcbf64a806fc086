import { asValue } from "awilix"
import type { AwilixContainer } from "awilix"
import { expect } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { LOCKING_KEY } from "../../../src/framework/locking/index.ts"
import type { LockingService } from "../../../src/framework/locking/index.ts"
import type { LinkService, Query } from "../../../src/framework/modules/index.ts"
import type { ApiKeyModuleService } from "../../../src/modules/api-key/index.ts"
import type { CartModuleService } from "../../../src/modules/cart/index.ts"
import type { CustomerModuleService } from "../../../src/modules/customer/index.ts"
import type { FulfillmentModuleService } from "../../../src/modules/fulfillment/index.ts"
import type { InventoryModuleService } from "../../../src/modules/inventory/index.ts"
import type { PaymentModuleService } from "../../../src/modules/payment/index.ts"
import type { PricingModuleService } from "../../../src/modules/pricing/index.ts"
import type { ProductModuleService } from "../../../src/modules/product/index.ts"
import type { RegionModuleService } from "../../../src/modules/region/index.ts"
import type { SalesChannelModuleService } from "../../../src/modules/sales-channel/index.ts"
import type { StockLocationModuleService } from "../../../src/modules/stock-location/index.ts"
import type { StoreModuleService } from "../../../src/modules/store/index.ts"
import { recordEvents as recordBusEvents } from "../../setup/record-events.ts"
import type { EventRecorder } from "../../setup/record-events.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

/** Every commerce module a cart touches, from catalog to checkout (order included, for completion). */
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

export type CommerceApp = TestApp & {
  container: AwilixContainer
  link: LinkService
  query: Query
  products: ProductModuleService
  pricing: PricingModuleService
  inventory: InventoryModuleService
  locations: StockLocationModuleService
  regions: RegionModuleService
  channels: SalesChannelModuleService
  stores: StoreModuleService
  apiKeys: ApiKeyModuleService
  customers: CustomerModuleService
  carts: CartModuleService
  payment: PaymentModuleService
  fulfillment: FulfillmentModuleService
  /** Raw rows, read past the services. */
  rows<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

/** The app with every commerce module and the project's links, migrated, on a fresh database. */
export async function startCommerceApp(): Promise<CommerceApp> {
  const t = await startTestApp({ modules: COMMERCE_MODULES })
  const resolve = <T>(key: string) => t.app.container.resolve<T>(key)
  return {
    ...t,
    container: t.app.container,
    link: resolve("link"),
    query: resolve("query"),
    products: resolve("product"),
    pricing: resolve("pricing"),
    inventory: resolve("inventory"),
    locations: resolve("stock_location"),
    regions: resolve("region"),
    channels: resolve("sales_channel"),
    stores: resolve("store"),
    apiKeys: resolve("api_key"),
    customers: resolve("customer"),
    carts: resolve("cart"),
    payment: resolve("payment"),
    fulfillment: resolve("fulfillment"),
    rows: (sql, params = []) => t.app.database.execute(sql, params),
  }
}

/**
 * A request-like scope whose `key` service is the real one except `method`, which throws (for the
 * calls `when` picks, all of them by default): the way to make one step of a workflow fail (a
 * dependency refuses) without touching the others. Pass the scope to `workflow(scope).run(...)`.
 */
export function scopeFailing(
  t: CommerceApp,
  key: string,
  method: string,
  options: { message?: string; when?: (...args: unknown[]) => boolean } = {},
): AwilixContainer {
  const scope = t.container.createScope()
  const real = t.container.resolve<object>(key)
  const message = options.message ?? `${key}.${method} is down`
  const failing = new Proxy(real, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver)
      if (typeof value !== "function") return value
      const bound = (value as (...args: unknown[]) => unknown).bind(target)
      if (property !== method) return bound
      return async (...args: unknown[]) => {
        if (options.when && !options.when(...args)) return bound(...args)
        throw new Error(message)
      }
    },
  })
  scope.register(key, asValue(failing))
  return scope
}

/** The events published under `names` from now on (see `test/setup/record-events.ts`). */
export function recordEvents(t: CommerceApp, names: string[]): Promise<EventRecorder> {
  return recordBusEvents(t.app.events.bus, names)
}

/** Row counts of the tables a cart flow writes (and of held locks): equal before and after a failed run means nothing was left behind. */
export async function cartFootprint(t: CommerceApp): Promise<Record<string, number>> {
  const tables = [
    "cart",
    "cart_address",
    "cart_line_item",
    "cart_shipping_method",
    "customer",
    "payment_collection",
    "payment_session",
    "cart_payment_collection",
  ]
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const [row] = await t.rows<{ count: string }>(`select count(*)::text as count from "${table}" where deleted_at is null`)
    counts[table] = Number(row?.count ?? 0)
  }
  // Locks taken by a run are given back by its compensation (or in the background, by its last step).
  await t.container.resolve<LockingService>(LOCKING_KEY).settled()
  const [locks] = await t.rows<{ count: string }>(`select count(*)::text as count from "lock"`)
  counts.lock = Number(locks?.count ?? 0)
  return counts
}

/** The error a workflow run rejects with: the failing step's own AgoraError (the run's `cause`). */
export async function workflowFailure(promise: Promise<unknown>): Promise<AgoraError> {
  const error = await promise.then(
    () => expect.fail("expected the workflow to fail"),
    (reason: unknown) => reason,
  )
  const cause = error instanceof AgoraError ? error : (error as Error).cause
  expect(cause, String(error)).toBeInstanceOf(AgoraError)
  return cause as AgoraError
}

/** The message of whatever a run rejects with (for failures injected by a test, not AgoraErrors). */
export async function failureMessage(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => expect.fail("expected the workflow to fail"),
    (reason: unknown) => reason,
  )
  return (error as Error).message
}
