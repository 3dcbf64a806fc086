import { asValue } from "awilix"
import type { AwilixContainer } from "awilix"
import { expect } from "vitest"
import type { InputConfig } from "../../../src/framework/config/index.ts"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { LockingService } from "../../../src/framework/locking/index.ts"
import type { LinkService, Query } from "../../../src/framework/modules/index.ts"
import type { CartModuleService } from "../../../src/modules/cart/index.ts"
import type { FulfillmentModuleService } from "../../../src/modules/fulfillment/index.ts"
import type { InventoryModuleService } from "../../../src/modules/inventory/index.ts"
import { computePaymentStatus } from "../../../src/modules/order/index.ts"
import type { OrderModuleService, PaymentCollectionSummary } from "../../../src/modules/order/index.ts"
import type { PaymentModuleService } from "../../../src/modules/payment/index.ts"
import type { PricingModuleService } from "../../../src/modules/pricing/index.ts"
import type { ProductModuleService } from "../../../src/modules/product/index.ts"
import type { RegionModuleService } from "../../../src/modules/region/index.ts"
import type { SalesChannelModuleService } from "../../../src/modules/sales-channel/index.ts"
import type { StockLocationModuleService } from "../../../src/modules/stock-location/index.ts"
import { recordEvents as recordBusEvents } from "../../setup/record-events.ts"
import type { EventRecorder } from "../../setup/record-events.ts"
import { startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"
import { CHECKOUT_MODULES } from "./checkout-modules.ts"

export { CHECKOUT_MODULES, SCRIPTED_PROVIDER, SYSTEM_PROVIDER } from "./checkout-modules.ts"


export type CheckoutApp = TestApp & {
  container: AwilixContainer
  link: LinkService
  query: Query
  locking: LockingService
  products: ProductModuleService
  pricing: PricingModuleService
  inventory: InventoryModuleService
  locations: StockLocationModuleService
  regions: RegionModuleService
  channels: SalesChannelModuleService
  carts: CartModuleService
  orders: OrderModuleService
  payment: PaymentModuleService
  fulfillment: FulfillmentModuleService
  rows<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

/** The app with every module a checkout touches (the payment module also offers the scripted provider). */
export async function startCheckoutApp(projectConfig: InputConfig["projectConfig"] = {}): Promise<CheckoutApp> {
  const t = await startTestApp({ modules: CHECKOUT_MODULES, projectConfig })
  const resolve = <T>(key: string) => t.app.container.resolve<T>(key)
  return {
    ...t,
    container: t.app.container,
    link: resolve("link"),
    query: resolve("query"),
    locking: resolve("locking"),
    products: resolve("product"),
    pricing: resolve("pricing"),
    inventory: resolve("inventory"),
    locations: resolve("stock_location"),
    regions: resolve("region"),
    channels: resolve("sales_channel"),
    carts: resolve("cart"),
    orders: resolve("order"),
    payment: resolve("payment"),
    fulfillment: resolve("fulfillment"),
    rows: (sql, params = []) => t.app.database.execute(sql, params),
  }
}

/**
 * A scope whose `key` service is the real one except `method`, which throws `error` (for the calls
 * `when` picks, every call by default): one dependency refusing, the rest working.
 */
export function failingScope(
  t: CheckoutApp,
  key: string,
  method: string,
  options: { error?: Error; when?: (...args: unknown[]) => boolean } = {},
): AwilixContainer {
  const scope = t.container.createScope()
  const real = t.container.resolve<object>(key)
  const error = options.error ?? new Error(`${key}.${method} is down`)
  const failing = new Proxy(real, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target)
      if (typeof value !== "function") return value
      const bound = (value as (...args: unknown[]) => unknown).bind(target)
      if (property !== method) return bound
      return async (...args: unknown[]) => {
        if (options.when && !options.when(...args)) return bound(...args)
        throw error
      }
    },
  })
  scope.register(key, asValue(failing))
  return scope
}

/** The events published under `names` from now on (see `test/setup/record-events.ts`). */
export function recordEvents(t: CheckoutApp, names: string[]): Promise<EventRecorder> {
  return recordBusEvents(t.app.events.bus, names)
}

/**
 * What a checkout writes, counted: equal before and after a failed run means it left nothing behind
 * (live rows; payments not canceled; reserved units over every level; locks held).
 */
export async function footprint(t: CheckoutApp): Promise<Record<string, number>> {
  // Locks given back in the background by runs that already answered are written first.
  await t.locking.settled()
  const [row] = await t.rows<Record<string, number>>(`select
    (select count(*)::int from "order" where deleted_at is null) as orders,
    (select count(*)::int from order_line_item where deleted_at is null) as order_lines,
    (select count(*)::int from order_address where deleted_at is null) as order_addresses,
    (select count(*)::int from order_shipping_method where deleted_at is null) as order_shipping_methods,
    (select count(*)::int from order_fulfillment where deleted_at is null) as order_fulfillments,
    (select count(*)::int from order_cart where deleted_at is null) as order_cart_links,
    (select count(*)::int from order_payment_collection where deleted_at is null) as order_payment_links,
    (select count(*)::int from reservation_item where deleted_at is null) as reservations,
    (select coalesce(sum(reserved_quantity), 0)::int from inventory_level) as reserved_units,
    (select coalesce(sum(stocked_quantity), 0)::int from inventory_level) as stocked_units,
    (select count(*)::int from payment where deleted_at is null and canceled_at is null) as open_payments,
    (select count(*)::int from payment_session where status = 'authorized') as authorized_sessions,
    (select count(*)::int from capture where deleted_at is null) as captures,
    (select count(*)::int from refund where deleted_at is null) as refunds,
    (select count(*)::int from cart where completed_at is not null) as completed_carts,
    (select count(*)::int from fulfillment where deleted_at is null) as fulfillments,
    (select count(*)::int from "lock") as locks`)
  return row as Record<string, number>
}

/** The failing step's own AgoraError, which a run's WorkflowError carries as its cause. */
export async function workflowFailure(promise: Promise<unknown>): Promise<AgoraError> {
  const error = await promise.then(
    () => expect.fail("expected the workflow to fail"),
    (reason: unknown) => reason,
  )
  const cause = error instanceof AgoraError ? error : (error as Error).cause
  expect(cause, String(error)).toBeInstanceOf(AgoraError)
  return cause as AgoraError
}

/** The message of whatever a run rejects with (an injected failure is a plain Error). */
export async function failureMessage(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => expect.fail("expected the workflow to fail"),
    (reason: unknown) => reason,
  )
  return (error as Error).message
}

/** An order's payment_status as the order routes compute it, from its payment collections. */
export async function paymentStatusOf(t: CheckoutApp, orderId: string): Promise<string> {
  const { data } = await t.query.graph<{ payment_collections: PaymentCollectionSummary[] }>({
    entity: "order",
    fields: [
      "payment_collections.amount",
      "payment_collections.authorized_amount",
      "payment_collections.captured_amount",
      "payment_collections.refunded_amount",
      "payment_collections.status",
    ],
    filters: { id: orderId },
  })
  return computePaymentStatus(data[0]?.payment_collections ?? [])
}
